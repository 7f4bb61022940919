#include "detectors/validators/btw.h"

#include "detectors/validators/bsn.h"

namespace piiscan::detectors {

std::optional<Validated> ValidateBtw(std::string_view raw) {
  std::string c = UpperAlnumOf(raw);
  bool prefixed = c.starts_with("NL");
  if (!prefixed) c = "NL" + c;
  if (c.size() != 14 || c[11] != 'B') return std::nullopt;
  for (int i = 2; i < 14; ++i) {
    if (i != 11 && (c[i] < '0' || c[i] > '9')) return std::nullopt;
  }
  if (c.ends_with("00")) return std::nullopt;  // the sequence starts at 01
  std::string_view nine = std::string_view(c).substr(2, 9);
  bool old_form = BsnChecksumOk(nine);
  bool new_form = Mod97(c) == 1;
  if (!old_form && !new_form) return std::nullopt;
  Validated v;
  v.value = c;
  if (!prefixed) v.score_delta = -0.3;
  if (old_form) {
    // A sole trader's old omzetbelastingnummer is the owner's BSN + B01.
    v.note = "old form: embeds an RSIN, or for a sole trader a BSN";
  } else {
    v.note = "btw-id (2020 form)";
  }
  return v;
}

}  // namespace piiscan::detectors
