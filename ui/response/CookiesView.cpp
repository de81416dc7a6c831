#include "response/CookiesView.h"

#include "response/CookiesTableModel.h"

#include <QHeaderView>

namespace Sonde {

CookiesView::CookiesView(CookiesTableModel *model, QWidget *parent)
    : QTableView(parent)
{
    setModel(model);
    setFrameShape(QFrame::NoFrame);
    setSelectionBehavior(SelectRows);
    setEditTriggers(NoEditTriggers);
    setWordWrap(false);
    setTextElideMode(Qt::ElideMiddle);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    horizontalHeader()->setStretchLastSection(true);
    // Values are often long tokens: give them room, the flags little.
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        resizeColumnsToContents();
        constexpr int MaxColumnWidth = 320;
        for (int column = 0; column < horizontalHeader()->count(); ++column)
            setColumnWidth(column, std::min(columnWidth(column), MaxColumnWidth));
    });
}

} // namespace Sonde
