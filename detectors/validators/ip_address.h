#pragma once
// IP addresses (docs/detectors.md). IPv4: four decimal octets 0-255
// without leading zeros (020.123.45.67 is a phone number); private,
// loopback and documentation ranges score lower. IPv6: parsed by
// inet_pton, so only real addresses pass (not times like 12:30:45 or MAC
// addresses); normalised to the canonical text form (RFC 5952, inet_ntop).

#include "detectors/validators/validator.h"

namespace piiscan::detectors {

std::optional<Validated> ValidateIpv4(std::string_view raw);
std::optional<Validated> ValidateIpv6(std::string_view raw);

}  // namespace piiscan::detectors
