#include "views/figure.h"

#include <utility>

namespace ashyq::views {

Figure Figure::reported(std::string text, std::optional<std::int64_t> value) {
  Figure f;
  f.kind = FigureKind::reported;
  f.text = std::move(text);
  f.value = value;
  return f;
}

Figure Figure::computed(std::string text, std::string basis, std::optional<std::int64_t> value,
                        std::string key) {
  Figure f;
  f.kind = FigureKind::computed;
  f.text = std::move(text);
  f.basis = std::move(basis);
  f.value = value;
  f.key = std::move(key);
  return f;
}

}  // namespace ashyq::views
