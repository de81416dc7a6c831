#pragma once

#include <QTableView>

namespace Sonde {

class HeadersTableModel;

/// The Headers tab: a read-only table of a HeadersTableModel; Ctrl+C (or the context menu) copies
/// the selected rows as "Name: value" lines.
class HeadersView : public QTableView
{
    Q_OBJECT

public:
    explicit HeadersView(HeadersTableModel *model, QWidget *parent = nullptr);

    void copySelection() const;

private:
    HeadersTableModel *m_model;
};

} // namespace Sonde
