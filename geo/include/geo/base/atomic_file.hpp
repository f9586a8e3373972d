#pragma once
// Reading and replacing the files the app writes (the settings, the rehearsal timings, a
// briefing's kept ink). A file is replaced so that a crash, a full disk or a second instance
// never leaves half of it: the text goes to a temporary file in the same folder (made if
// missing), is flushed to disk, and is renamed over the old one. One that cannot be read as
// what it should be is set aside, for the user to look at, and made afresh.

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

// The file's bytes; none when it cannot be opened or read.
std::optional<std::string> readFileBytes(const std::filesystem::path& file);

// Renames `file` to "<file>.corrupt" (replacing an older one); that path, or empty when the
// rename failed.
std::filesystem::path setAside(const std::filesystem::path& file);

} // namespace geo
