#include "gl/gl_stream.hpp"

namespace app {

void GlStream::init() {
    release();
    glGenBuffers(1, &m_vbo);
    glGenBuffers(1, &m_ebo);
}

void GlStream::release() {
    if (m_vbo) glDeleteBuffers(1, &m_vbo);
    if (m_ebo) glDeleteBuffers(1, &m_ebo);
    m_vbo = m_ebo = 0;
    m_uploaded = false;
}

GLuint GlStream::bind(const void* vertices, std::size_t bytes, const std::vector<std::uint32_t>& indices, std::size_t stride,
                      std::initializer_list<Attribute> layout) {
    GLuint vao = 0;
    glGenVertexArrays(1, &vao);
    glBindVertexArray(vao);
    glBindBuffer(GL_ARRAY_BUFFER, m_vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, m_ebo);
    if (!m_uploaded) {
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(bytes), vertices, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices.size() * sizeof(std::uint32_t)), indices.data(), GL_STREAM_DRAW);
        m_uploaded = true;
    }
    GLuint location = 0;
    for (const Attribute& a : layout) {
        glEnableVertexAttribArray(location);
        glVertexAttribPointer(location, a.components, a.type, a.type == GL_FLOAT ? GL_FALSE : GL_TRUE, static_cast<GLsizei>(stride),
                              reinterpret_cast<const void*>(a.offset));
        ++location;
    }
    return vao;
}

void GlStream::unbind(GLuint vao) {
    glBindVertexArray(0);
    glDeleteVertexArrays(1, &vao);
}

} // namespace app
