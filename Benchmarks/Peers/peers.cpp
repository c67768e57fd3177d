// Generic regex engines over a registry's regexes and a file of UIMs, one core: RE2::Set and Hyperscan, each
// deciding for every UIM the set of patterns whose regex matches the WHOLE normalised UIM — the work the router's
// automata do before check characters and validity dates. Built and run by Benchmarks/Peers/run (not by SwiftPM).
//
// Usage: peers PATTERNS.tsv UIMS.txt REPEATS [DUMP-PREFIX]
//   PATTERNS.tsv  one pattern a line: id TAB regex (PCRE2 text as in the registry; written by export.py)
//   UIMS.txt      one UIM a line (no tabs)
//   DUMP-PREFIX   when given, writes DUMP-PREFIX.<engine> with "line TAB id,id,…" for every UIM that matches, and
//                 DUMP-PREFIX.<engine>.rejected with the ids of the regexes the engine could not compile
// Prints one key=value line per engine: engine, patterns, rejected, uims, compile_ms, ns_per_uim (median over the
// passes of whole-pass time / UIMs, no clock read per UIM), ns_per_uim_clocked (the same with two clock reads per
// UIM, as `uim-router bench` times), matched (UIMs with at least one match).
//
// Both engines get the router's normalisation (Normalizer.swift: trim white space, drop one AIM symbology
// identifier, refuse > 512 bytes, control characters and invalid UTF-8) inside the timed loop.
#include <hs/hs.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Pattern {
    std::string id;
    std::string regex;
};

std::vector<std::string> readLines(const char* path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "peers: cannot open %s\n", path);
        std::exit(66);
    }
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(in, line)) lines.push_back(line);
    return lines;
}

long long nowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

bool isSpace(unsigned char b) { return b == 0x20 || (b >= 0x09 && b <= 0x0D); }

bool validUTF8(const unsigned char* s, size_t n) {
    size_t i = 0;
    while (i < n) {
        unsigned char lead = s[i];
        if (lead < 0x80) { ++i; continue; }
        size_t len;
        unsigned char lo = 0x80, hi = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) len = 2;
        else if (lead == 0xE0) { len = 3; lo = 0xA0; }
        else if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) len = 3;
        else if (lead == 0xED) { len = 3; hi = 0x9F; }
        else if (lead == 0xF0) { len = 4; lo = 0x90; }
        else if (lead >= 0xF1 && lead <= 0xF3) len = 4;
        else if (lead == 0xF4) { len = 4; hi = 0x8F; }
        else return false;
        if (i + len > n) return false;
        if (s[i + 1] < lo || s[i + 1] > hi) return false;
        for (size_t k = 2; k < len; ++k)
            if (s[i + k] < 0x80 || s[i + k] > 0xBF) return false;
        i += len;
    }
    return true;
}

// The router's normalisation; false when the UIM is invalid. [start, end) is the normalised UIM.
inline bool normalise(const std::string& uim, size_t& start, size_t& end) {
    const unsigned char* s = reinterpret_cast<const unsigned char*>(uim.data());
    size_t n = uim.size();
    if (n > 512) return false;
    bool ascii = true;
    for (size_t i = 0; i < n; ++i) ascii &= s[i] < 0x80;
    if (!ascii && !validUTF8(s, n)) return false;
    start = 0;
    end = n;
    while (start < end && isSpace(s[start])) ++start;
    while (end > start && isSpace(s[end - 1])) --end;
    if (start < end && s[start] == ']') {
        size_t cursor = start + 1;
        int taken = 0;
        while (taken < 2 && cursor < end) {
            unsigned char lead = s[cursor];
            cursor += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
            ++taken;
        }
        if (taken == 2 && cursor <= end) start = cursor;
    }
    if (start >= end) return false;
    for (size_t i = start; i < end; ++i) {
        unsigned char b = s[i];
        if ((b < 0x20 && b != 0x1D) || b == 0x7F) return false;
        if (b == 0xC2 && i + 1 < end && s[i + 1] < 0xA0) return false;
    }
    return true;
}

// PCRE2 named groups `(?<name>` as RE2 (2022) spells them, `(?P<name>`; lookbehind `(?<=`/`(?<!` stays.
std::string toRE2(const std::string& regex) {
    std::string out;
    out.reserve(regex.size() + 8);
    for (size_t i = 0; i < regex.size(); ++i) {
        if (regex[i] == '\\' && i + 1 < regex.size()) {
            out += regex[i];
            out += regex[++i];
            continue;
        }
        if (regex.compare(i, 3, "(?<") == 0 && i + 3 < regex.size() && regex[i + 3] != '=' && regex[i + 3] != '!') {
            out += "(?P<";
            i += 2;
            continue;
        }
        out += regex[i];
    }
    return out;
}

struct Engine {
    std::string name;
    size_t rejected = 0;
    double compileMs = 0;
    std::string firstRejection;
    std::vector<std::string> rejectedIds;
    // Appends the ids (indices into the pattern list) of the patterns matching [data, data+len) to `out`.
    std::function<void(const char*, size_t, std::vector<int>&)> match;
};

struct HSContext {
    std::vector<int>* out;
    const std::vector<int>* indexOf;
};

int onHSMatch(unsigned int id, unsigned long long, unsigned long long, unsigned int, void* raw) {
    auto* ctx = static_cast<HSContext*>(raw);
    ctx->out->push_back((*ctx->indexOf)[id]);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: peers PATTERNS.tsv UIMS.txt REPEATS [DUMP-PREFIX]\n");
        return 64;
    }
    std::vector<Pattern> patterns;
    for (const auto& line : readLines(argv[1])) {
        auto tab = line.find('\t');
        if (tab == std::string::npos) continue;
        patterns.push_back({line.substr(0, tab), line.substr(tab + 1)});
    }
    std::vector<std::string> uims = readLines(argv[2]);
    int repeats = std::max(1, std::atoi(argv[3]));
    const char* dumpPrefix = argc > 4 ? argv[4] : nullptr;

    std::vector<Engine> engines;

    // RE2::Set, anchored at both ends: the whole-UIM semantics of PCRE2_ANCHORED | PCRE2_ENDANCHORED.
    RE2::Options options;
    options.set_max_mem(int64_t(1) << 30);  // a 10,000-pattern set's DFA outgrows the 8 MiB default
    options.set_log_errors(false);
    auto* set = new RE2::Set(options, RE2::ANCHOR_BOTH);
    Engine re2set{"re2-set"};
    std::vector<int> re2Index;  // RE2::Set index → pattern index
    long long start = nowNs();
    for (size_t k = 0; k < patterns.size(); ++k) {
        std::string error;
        int index = set->Add(toRE2(patterns[k].regex), &error);
        if (index < 0) {
            if (re2set.rejected++ == 0) re2set.firstRejection = patterns[k].id + ": " + error;
            re2set.rejectedIds.push_back(patterns[k].id);
            continue;
        }
        re2Index.push_back(int(k));
    }
    bool compiled = set->Compile();
    re2set.compileMs = double(nowNs() - start) / 1e6;
    if (!compiled) {
        std::fprintf(stderr, "peers: RE2::Set::Compile failed (out of memory)\n");
        return 1;
    }
    auto re2Scratch = std::make_shared<std::vector<int>>();
    auto re2Failures = std::make_shared<size_t>(0);
    re2set.match = [set, &re2Index, re2Scratch, re2Failures](const char* data, size_t len, std::vector<int>& out) {
        RE2::Set::ErrorInfo info;
        if (!set->Match(re2::StringPiece(data, len), re2Scratch.get(), &info)) {
            if (info.kind != RE2::Set::kNoError) ++*re2Failures;
            return;
        }
        for (int index : *re2Scratch) out.push_back(re2Index[index]);
    };
    engines.push_back(re2set);

    // Hyperscan, block mode, every pattern as ^(?:…)$ so that a report means a whole-UIM match; each pattern's id
    // is its index. A regex Hyperscan cannot compile (lookaround, back-references, …) is counted and left out.
    Engine hyperscan{"hyperscan"};
    std::vector<std::string> wrapped;
    std::vector<unsigned> flags;
    std::vector<unsigned> ids;
    std::vector<int> hsIndex;  // Hyperscan id → pattern index
    start = nowNs();
    const unsigned hsFlags = HS_FLAG_UTF8 | HS_FLAG_ALLOWEMPTY;
    for (size_t k = 0; k < patterns.size(); ++k) {
        std::string expression = "^(?:" + patterns[k].regex + ")$";
        hs_expr_info_t* info = nullptr;
        hs_compile_error_t* error = nullptr;
        if (hs_expression_info(expression.c_str(), hsFlags, &info, &error) != HS_SUCCESS) {
            if (hyperscan.rejected++ == 0) hyperscan.firstRejection = patterns[k].id + ": " + error->message;
            hyperscan.rejectedIds.push_back(patterns[k].id);
            hs_free_compile_error(error);
            continue;
        }
        std::free(info);
        wrapped.push_back(expression);
        flags.push_back(hsFlags);
        ids.push_back(unsigned(hsIndex.size()));
        hsIndex.push_back(int(k));
    }
    hs_database_t* database = nullptr;
    for (;;) {
        std::vector<const char*> texts;
        for (const auto& text : wrapped) texts.push_back(text.c_str());
        hs_compile_error_t* error = nullptr;
        if (hs_compile_multi(texts.data(), flags.data(), ids.data(), unsigned(texts.size()), HS_MODE_BLOCK, nullptr,
                             &database, &error) == HS_SUCCESS)
            break;
        int bad = error->expression;
        if (bad < 0) {
            std::fprintf(stderr, "peers: Hyperscan cannot compile the set: %s\n", error->message);
            return 1;
        }
        if (hyperscan.rejected++ == 0) hyperscan.firstRejection = patterns[hsIndex[bad]].id + ": " + error->message;
        hyperscan.rejectedIds.push_back(patterns[hsIndex[bad]].id);
        hs_free_compile_error(error);
        wrapped.erase(wrapped.begin() + bad);
        flags.erase(flags.begin() + bad);
        hsIndex.erase(hsIndex.begin() + bad);
        ids.pop_back();  // ids stay 0..n-1, so id = position in hsIndex
    }
    hyperscan.compileMs = double(nowNs() - start) / 1e6;
    hs_scratch_t* scratch = nullptr;
    if (hs_alloc_scratch(database, &scratch) != HS_SUCCESS) {
        std::fprintf(stderr, "peers: hs_alloc_scratch failed\n");
        return 1;
    }
    auto hsContext = std::make_shared<HSContext>();
    hsContext->indexOf = &hsIndex;
    hyperscan.match = [database, scratch, hsContext](const char* data, size_t len, std::vector<int>& out) {
        hsContext->out = &out;
        hs_scan(database, data, unsigned(len), 0, scratch, onHSMatch, hsContext.get());
    };
    engines.push_back(hyperscan);

    std::vector<int> found;
    found.reserve(patterns.size());
    for (auto& engine : engines) {
        // One untimed pass that also records the match sets (and warms caches and lazily built DFA states).
        size_t matched = 0;
        std::ostringstream dump;
        for (size_t line = 0; line < uims.size(); ++line) {
            size_t begin, end;
            found.clear();
            if (normalise(uims[line], begin, end)) engine.match(uims[line].data() + begin, end - begin, found);
            if (found.empty()) continue;
            ++matched;
            std::sort(found.begin(), found.end());
            found.erase(std::unique(found.begin(), found.end()), found.end());
            dump << line + 1 << '\t';
            for (size_t k = 0; k < found.size(); ++k) dump << (k ? "," : "") << patterns[found[k]].id;
            dump << '\n';
        }
        if (dumpPrefix) {
            std::ofstream(std::string(dumpPrefix) + "." + engine.name) << dump.str();
            std::ofstream rejectedFile(std::string(dumpPrefix) + "." + engine.name + ".rejected");
            for (const auto& id : engine.rejectedIds) rejectedFile << id << '\n';
        }
        std::vector<double> plain, clocked;
        size_t sink = 0;
        for (int pass = 0; pass < repeats; ++pass) {
            long long passStart = nowNs();
            for (const auto& uim : uims) {
                size_t begin, end;
                found.clear();
                if (normalise(uim, begin, end)) engine.match(uim.data() + begin, end - begin, found);
                sink += found.size();
            }
            plain.push_back(double(nowNs() - passStart) / double(std::max<size_t>(1, uims.size())));
            long long ticks = 0;
            passStart = nowNs();
            for (const auto& uim : uims) {
                long long before = nowNs();
                size_t begin, end;
                found.clear();
                if (normalise(uim, begin, end)) engine.match(uim.data() + begin, end - begin, found);
                sink += found.size();
                ticks += nowNs() - before;
            }
            clocked.push_back(double(nowNs() - passStart) / double(std::max<size_t>(1, uims.size())));
            (void)ticks;
        }
        std::sort(plain.begin(), plain.end());
        std::sort(clocked.begin(), clocked.end());
        std::printf("engine=%s patterns=%zu rejected=%zu uims=%zu compile_ms=%.1f ns_per_uim=%.1f "
                    "ns_per_uim_clocked=%.1f matched=%zu sink=%zu\n",
                    engine.name.c_str(), patterns.size(), engine.rejected, uims.size(), engine.compileMs,
                    plain[plain.size() / 2], clocked[clocked.size() / 2], matched, sink % 10);
        if (engine.rejected) std::printf("# %s first rejection: %s\n", engine.name.c_str(), engine.firstRejection.c_str());
    }
    if (*re2Failures) std::printf("# re2-set: %zu matches failed (DFA out of memory)\n", *re2Failures);
    hs_free_scratch(scratch);
    hs_free_database(database);
    delete set;
    return 0;
}
