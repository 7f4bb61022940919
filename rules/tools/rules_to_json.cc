// Build-time tool: rewrites a detector spec file from YAML into JSON (which
// is YAML too), for embedding. At run time nlohmann parses JSON some ten
// times faster than yaml-cpp parses YAML (46M of an empty scan's 58M
// instructions were yaml-cpp), and rule_loader.cc turns it back into the
// same YAML nodes. Scalars stay strings, exactly as written: YAML decides
// their type only when the loader asks (as<int>, as<double>).
//
//   piiscan_rules_to_json IN.yaml OUT
#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

namespace {

nlohmann::ordered_json ToJson(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Map: {
      auto o = nlohmann::ordered_json::object();
      for (const auto& kv : n) o[kv.first.as<std::string>()] = ToJson(kv.second);
      return o;
    }
    case YAML::NodeType::Sequence: {
      auto a = nlohmann::ordered_json::array();
      for (const auto& v : n) a.push_back(ToJson(v));
      return a;
    }
    case YAML::NodeType::Scalar:
      return n.Scalar();
    default:
      return nullptr;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: piiscan_rules_to_json IN.yaml OUT\n");
    return 2;
  }
  try {
    YAML::Node root = YAML::LoadFile(argv[1]);
    std::ofstream out(argv[2], std::ios::binary | std::ios::trunc);
    out << ToJson(root).dump() << '\n';
    if (!out.flush()) {
      std::fprintf(stderr, "piiscan_rules_to_json: cannot write %s\n", argv[2]);
      return 1;
    }
  } catch (const YAML::Exception& e) {
    std::fprintf(stderr, "%s:%d: %s\n", argv[1], e.mark.line + 1, e.msg.c_str());
    return 1;
  }
  return 0;
}
