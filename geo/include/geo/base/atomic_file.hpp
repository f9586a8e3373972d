#pragma once
// Replacing a file the app owns (the settings, the rehearsal timings) so that a crash, a full
// disk or a second instance never leaves half of it: the text goes to a temporary file in the
// same folder (made if missing), is flushed to disk, and is renamed over the old one.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace geo {

// False, with `error` saying why (the folder cannot be made, the disk is full, the rename
// failed), and the old file untouched.
// `permissions`: the new file's (a user's file keeps its own); else rw-r--r-- less the umask.
bool replaceFileAtomically(const std::filesystem::path& file, std::string_view text, std::string& error,
                           std::optional<std::filesystem::perms> permissions = std::nullopt);

} // namespace geo
