#pragma once
// A GLSL program built from a vertex and a fragment shader file.

#include <epoxy/gl.h>

#include <filesystem>
#include <string>
#include <unordered_map>

namespace app {

class GlProgram {
public:
    GlProgram() = default;
    ~GlProgram();
    GlProgram(const GlProgram&) = delete;
    GlProgram& operator=(const GlProgram&) = delete;

    // Compiles and links; on failure returns false and `error` names the file and GL's log.
    bool load(const std::filesystem::path& vertexFile, const std::filesystem::path& fragmentFile, std::string& error);
    void use() const { glUseProgram(m_id); }
    GLint uniform(const char* name);
    bool valid() const { return m_id != 0; }
    // Deletes the program; needs its GL context current.
    void reset();

private:
    GLuint m_id = 0;
    std::unordered_map<std::string, GLint> m_uniforms;
};

} // namespace app
