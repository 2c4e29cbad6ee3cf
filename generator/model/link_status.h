#pragma once
// What a link check's status says about the link. The loader checks statuses against it, the
// pages mark the links known to be broken by it, and `ashyq links` reports by it.
#include <optional>
#include <string>
#include <string_view>

#include "model/enums.h"
#include "model/model.h"

namespace ashyq {

LinkClass link_class_of(LinkStatus status);
// The class of a status name (link_status_name); nullopt for a name the checker never gives.
std::optional<LinkClass> classify_link(std::string_view status);

// The entry of `url` when its last check found it broken (with broken_since set); nullptr when it
// worked, was unreachable, or was never checked.
const LinkCacheEntry* known_broken(const LinkCache& cache, const std::string& url);

}  // namespace ashyq
