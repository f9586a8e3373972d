#include "gl/gl_program.hpp"

#include <fstream>
#include <sstream>

namespace app {

namespace {

bool readFile(const std::filesystem::path& file, std::string& text) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return false;
    std::ostringstream s;
    s << in.rdbuf();
    text = s.str();
    return true;
}

GLuint compile(GLenum type, const std::filesystem::path& file, std::string& error) {
    std::string source;
    if (!readFile(file, source)) {
        error = file.string() + ": cannot read the shader file";
        return 0;
    }
    GLuint shader = glCreateShader(type);
    const char* text = source.c_str();
    glShaderSource(shader, 1, &text, nullptr);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[2048] = {};
        glGetShaderInfoLog(shader, sizeof log, nullptr, log);
        error = file.string() + ": the shader does not compile: " + log;
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

} // namespace

GlProgram::~GlProgram() { reset(); }

void GlProgram::reset() {
    if (m_id) glDeleteProgram(m_id);
    m_id = 0;
    m_uniforms.clear();
}

bool GlProgram::load(const std::filesystem::path& vertexFile, const std::filesystem::path& fragmentFile,
                     std::string& error) {
    GLuint vs = compile(GL_VERTEX_SHADER, vertexFile, error);
    if (!vs) return false;
    GLuint fs = compile(GL_FRAGMENT_SHADER, fragmentFile, error);
    if (!fs) {
        glDeleteShader(vs);
        return false;
    }
    GLuint program = glCreateProgram();
    glAttachShader(program, vs);
    glAttachShader(program, fs);
    glLinkProgram(program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = GL_FALSE;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (!ok) {
        char log[2048] = {};
        glGetProgramInfoLog(program, sizeof log, nullptr, log);
        error = vertexFile.string() + " + " + fragmentFile.filename().string() + ": the shaders do not link: " + log;
        glDeleteProgram(program);
        return false;
    }
    if (m_id) glDeleteProgram(m_id);
    m_id = program;
    m_uniforms.clear();
    return true;
}

GLint GlProgram::uniform(const char* name) {
    auto it = m_uniforms.find(name);
    if (it != m_uniforms.end()) return it->second;
    const GLint loc = glGetUniformLocation(m_id, name);
    m_uniforms.emplace(name, loc);
    return loc;
}

} // namespace app
