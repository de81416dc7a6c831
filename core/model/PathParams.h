#pragma once

#include "model/KeyValue.h"

#include <QString>
#include <QStringList>

namespace Sonde::PathParams {

/// Path parameters: whole path segments written `:name` in the URL field (`/users/:id/posts`), filled
/// from a table of their own and substituted, percent-encoded, when the request is sent.
///
/// Only the path counts: the scheme, the authority (`host:8080`) and the query and fragment are never
/// searched. A name is letters, digits, '_' and '-'; `{{variables}}` stay as written; a segment that
/// merely contains a colon (`/v1/jobs/42:cancel`) is no parameter. A literal leading colon is written
/// `%3A`.

/// The parameter names in the path of `url`, in order, each once.
QStringList names(const QString &url);

/// The table after the user edited the URL: one row per name in `url`, in order, with the value of the
/// row of the same name in `previous` (empty when there is none).
KeyValueList mergeFromUrl(const KeyValueList &previous, const QString &url);

/// `value` encoded for one path segment: everything but RFC 3986 unreserved characters as %XX of its
/// UTF-8 ('/' becomes %2F, ' ' %20), and "." and ".." fully encoded so they stay a segment.
QString encodeSegment(const QString &value);

/// `url` with each `:name` segment that has an enabled row with a value in `params` replaced by the
/// row's value, encoded. Segments without one are left as written (as Postman sends an empty one).
QString substitute(const QString &url, const KeyValueList &params);

} // namespace Sonde::PathParams
