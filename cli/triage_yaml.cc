#include "cli/triage_yaml.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "core/scan_info.h"
#include "store/triage_book.h"

namespace piiscan::cli {

std::string IsoTimeMs(int64_t unix_ms) {
  std::time_t t = static_cast<std::time_t>(unix_ms / 1000);
  std::tm tm{};
  ::gmtime_r(&t, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(unix_ms % 1000));
  return buf;
}

std::optional<int64_t> ParseIsoTimeMs(const std::string& text) {
  // A verdict's time is always a full UTC time, as IsoTimeMs writes it.
  if (text.find('T') == std::string::npos || !text.ends_with('Z')) return std::nullopt;
  return ParseIsoTimeUtc(text);
}

std::string VerdictProblem(const store::TriageVerdict& v) {
  if (auto p = store::TriageScopeProblem(v); !p.empty()) return p;
  if (v.ByValue()) {
    if (v.value_hash.size() != 64 ||
        v.value_hash.find_first_not_of("0123456789abcdef") != std::string::npos)
      return "a value hash is 64 lower-case hex characters (the value_hash of a finding)";
  }
  if (v.verdict == store::Verdict::kAccepted && v.note.empty())
    return "an accepted verdict needs a note: the reason it is allowed";
  if (v.by.empty()) return "a verdict needs who gave it (by)";
  return "";
}

std::string TriageYaml(const std::vector<store::TriageVerdict>& verdicts,
                       const std::map<int64_t, std::string>& comments) {
  YAML::Emitter out;
  out << YAML::Comment(
      "piiscan triage verdicts: `piiscan triage --import FILE` adds them to a store");
  out << YAML::BeginMap << YAML::Key << "piiscan_triage" << YAML::Value << 1;
  out << YAML::Key << "verdicts" << YAML::Value << YAML::BeginSeq;
  for (const auto& v : verdicts) {
    out << YAML::BeginMap;
    if (v.ByValue()) {
      out << YAML::Key << "value_hash" << YAML::Value << v.value_hash;
      if (auto c = comments.find(v.id); c != comments.end()) out << YAML::Comment(c->second);
      if (!v.file.empty()) out << YAML::Key << "file" << YAML::Value << v.file;
    } else {
      out << YAML::Key << "glob" << YAML::Value << v.glob;
      out << YAML::Key << "detector" << YAML::Value << v.detector;
      if (auto c = comments.find(v.id); c != comments.end()) out << YAML::Comment(c->second);
    }
    out << YAML::Key << "verdict" << YAML::Value << std::string(store::VerdictName(v.verdict));
    out << YAML::Key << "note" << YAML::Value << v.note;
    out << YAML::Key << "by" << YAML::Value << v.by;
    out << YAML::Key << "created" << YAML::Value << IsoTimeMs(v.created_unix_ms);
    out << YAML::Key << "key_fingerprint" << YAML::Value << v.key_fingerprint;
    if (!v.scan_id.empty()) out << YAML::Key << "scan_id" << YAML::Value << v.scan_id;
    out << YAML::EndMap;
  }
  out << YAML::EndSeq << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

namespace {

Result<store::TriageVerdict> ParseEntry(const YAML::Node& n, size_t index) {
  std::string where = "verdict " + std::to_string(index + 1);
  if (n.Type() != YAML::NodeType::Map) return Fail(where + ": not a mapping");
  static const char* kKnown[] = {"value_hash", "file", "glob",    "detector",        "verdict",
                                 "note",       "by",   "created", "key_fingerprint", "scan_id"};
  for (const auto& kv : n) {
    std::string key = kv.first.as<std::string>();
    if (std::find(std::begin(kKnown), std::end(kKnown), key) == std::end(kKnown))
      return Fail(where + ": unknown field '" + key + "'");
  }
  auto text = [&](const char* key) { return n[key] ? n[key].as<std::string>() : std::string(); };
  store::TriageVerdict v;
  v.value_hash = text("value_hash");
  v.file = text("file");
  v.glob = text("glob");
  v.detector = text("detector");
  std::string verdict = text("verdict");
  auto parsed = store::ParseVerdict(verdict);
  if (!parsed)
    return Fail(where + ": verdict '" + verdict +
                "' is not false_positive, accepted or remediated");
  v.verdict = *parsed;
  v.note = text("note");
  v.by = text("by");
  std::string created = text("created");
  if (!created.empty()) {
    auto ms = ParseIsoTimeMs(created);
    if (!ms)
      return Fail(where + ": created '" + created +
                  "' is not a UTC time like 2026-12-07T13:48:01.123Z");
    v.created_unix_ms = *ms;
  }
  v.key_fingerprint = text("key_fingerprint");
  if (v.ByValue() && v.key_fingerprint.empty())
    return Fail(where +
                ": a verdict by value hash needs the key_fingerprint its hash was made with");
  v.scan_id = text("scan_id");
  if (auto problem = VerdictProblem(v); !problem.empty()) return Fail(where + ": " + problem);
  return v;
}

}  // namespace

Result<std::vector<store::TriageVerdict>> ParseTriageYaml(const std::string& text) {
  try {
    YAML::Node root = YAML::Load(text);
    if (root.Type() != YAML::NodeType::Map || !root["piiscan_triage"])
      return Fail("not a piiscan triage file (no 'piiscan_triage: 1' at the top)");
    if (root["piiscan_triage"].as<int>() != 1)
      return Fail("piiscan_triage version " + root["piiscan_triage"].as<std::string>() +
                  " is not one this piiscan reads (1)");
    std::vector<store::TriageVerdict> out;
    const YAML::Node list = root["verdicts"];
    if (!list) return out;
    if (list.Type() != YAML::NodeType::Sequence) return Fail("'verdicts' is not a list");
    for (size_t i = 0; i < list.size(); ++i) {
      auto v = ParseEntry(list[i], i);
      if (!v) return std::unexpected(v.error());
      out.push_back(std::move(*v));
    }
    return out;
  } catch (const YAML::Exception& e) {
    return Fail(std::string("not valid YAML: ") + e.what());
  }
}

}  // namespace piiscan::cli
