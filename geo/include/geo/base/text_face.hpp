#pragma once
// Which face of the CJK font a text is drawn in. Han characters take different forms in
// Traditional Chinese and Japanese (骨, 直, 海...): the documents' Chinese (and English) is
// drawn in the Chinese face, Japanese names in the Japanese one; interface text in the face
// of the interface language.

#include <geo/base/language.hpp>

namespace geo {

enum class Face { Interface, Chinese, Japanese };

// The face a text written in `language` is drawn in.
constexpr Face faceOf(Language language) { return language == Language::Ja ? Face::Japanese : Face::Chinese; }

} // namespace geo
