#pragma once

#include <QTableView>

namespace Sonde {

class CookiesTableModel;

/// The Cookies tab: a read-only table of the cookies the response sets, one column per attribute.
class CookiesView : public QTableView
{
    Q_OBJECT

public:
    explicit CookiesView(CookiesTableModel *model, QWidget *parent = nullptr);
};

} // namespace Sonde
