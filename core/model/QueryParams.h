#pragma once

#include "model/KeyValue.h"

#include <QString>

namespace Sonde::QueryParams {

/// The enabled query parameters written in `url`, in order, exactly as typed (no percent-decoding, so
/// what the table shows is what is sent). `?a&b=` gives a with no '=' and b with an empty value; both
/// are shown with an empty value.
KeyValueList parse(const QString &url);

/// `url` with its query replaced by the enabled rows of `params`; the fragment is kept.
QString applyToUrl(const QString &url, const KeyValueList &params);

/// The table after the user edited the URL: the enabled rows come from `url`, the disabled rows of
/// `previous` stay at their positions relative to the enabled rows around them.
KeyValueList mergeFromUrl(const KeyValueList &previous, const QString &url);

} // namespace Sonde::QueryParams
