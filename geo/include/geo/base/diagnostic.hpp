#pragma once
// A problem found in a file the user handed us, worded for the user.
//
// Loaders never abort: they return what was good plus a list of these. The
// viewer shows them in a panel, `--check` prints them, tests assert `format()`.

#include <string>
#include <vector>

namespace geo {

enum class Severity { Info, Warning, Error };

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string file;    // path as the user gave it; empty when not about a file
    int line = 0;        // 1-based; 0 when unknown
    int column = 0;      // 1-based; 0 when unknown
    std::string message; // what is wrong, one sentence
    std::string hint;    // what to do about it; may be empty

    // "file:line:column: error: message (hint)", leaving out the parts that are unknown.
    std::string format() const;
};

using Diagnostics = std::vector<Diagnostic>;

bool hasErrors(const Diagnostics& diagnostics);
const char* severityName(Severity severity);

} // namespace geo
