#include "detectors/validators/email.h"

#include "core/utf8.h"

namespace piiscan::detectors {
namespace {

bool IsHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Local parts that mail programs generate for Message-IDs, not mailboxes:
// "545627c2.3050608" (8 hex, '.', a counter: Mozilla), "20030528162613.GB8524"
// and "1409845851-38950-1-git-send-email-x" (a timestamp of 10+ digits, then
// more), and UUIDs "07c06d79-0828-b564-d604-fd16c7c86ebe".
bool MessageIdShape(std::string_view local) {
  size_t hex = 0, digits = 0;
  while (hex < local.size() && IsHex(local[hex])) digits += (local[hex++] <= '9');
  if (hex == local.size() || (local[hex] != '.' && local[hex] != '-')) return false;
  std::string_view rest = local.substr(hex + 1);
  if (digits >= 10 && digits + 2 >= hex && !rest.empty()) return true;  // a timestamp, then more
  if (hex == 8 && digits >= 1 && local[hex] == '.' && rest.size() >= 4 && rest.size() <= 8 &&
      rest.find_first_not_of("0123456789") == std::string_view::npos) {
    return true;
  }
  if (hex == 8 && local.size() == 36) {  // 8-4-4-4-12
    for (size_t i = 0; i < local.size(); ++i) {
      bool dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? local[i] != '-' : !IsHex(local[i])) return false;
    }
    return true;
  }
  return false;
}

}  // namespace

std::optional<Validated> ValidateEmail(std::string_view raw) {
  auto at = raw.find('@');
  if (at == std::string_view::npos || at == 0 || at > 64) return std::nullopt;
  std::string_view local = raw.substr(0, at), domain = raw.substr(at + 1);
  if (domain.size() < 4 || domain.size() > 253) return std::nullopt;
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) {
    return std::nullopt;
  }
  if (MessageIdShape(local)) return std::nullopt;
  if (domain.find("..") != std::string_view::npos || domain.front() == '.' || domain.front() == '-') {
    return std::nullopt;
  }
  // Labels of at most 63 characters (RFC 1035).
  for (size_t from = 0; from <= domain.size();) {
    size_t to = domain.find('.', from);
    if (to == std::string_view::npos) to = domain.size();
    if (to - from > 63) return std::nullopt;
    from = to + 1;
  }
  auto dot = domain.find_last_of('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string_view tld = domain.substr(dot + 1);
  if (tld.size() < 2) return std::nullopt;
  for (char c : tld) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return std::nullopt;
  }
  Validated v;
  v.value = AsciiLower(raw);
  // The lower-case local part and domain, as views of the value.
  const std::string_view l = std::string_view(v.value).substr(0, at), d = std::string_view(v.value).substr(at + 1);
  if (d == "example.com" || d == "example.org" || d == "example.net" || d.ends_with(".example") ||
      d.ends_with(".invalid") || d.ends_with(".test")) {
    v.note = "documentation domain";
  }
  // Role addresses (info@, support@) belong to an organisation, not a person.
  static constexpr std::string_view kRoles[] = {"info", "support", "sales", "admin", "noreply",
                                                "no-reply", "privacy", "helpdesk", "servicedesk",
                                                "administratie", "facturen", "contact", "office"};
  for (auto r : kRoles) {
    if (l == r) {
      v.score_delta = -0.3;
      v.note = "role address";
    }
  }
  return v;
}

}  // namespace piiscan::detectors
