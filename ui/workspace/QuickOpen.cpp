#include "workspace/QuickOpen.h"

#include "workspace/MethodBadgeDelegate.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

#include <algorithm>

namespace Sonde {

namespace {

void collect(const Folder &folder, QStringList directories, QStringList names, QList<QuickOpenEntry> &out)
{
    directories.append(folder.directoryName.isEmpty() ? folder.name : folder.directoryName);
    names.append(folder.name);
    const QString location = names.join(QStringLiteral(" / "));
    for (const Request &request : folder.requests)
        out.append({ItemRef {directories, request.fileName}, request.name, request.method, location});
    for (const Folder &child : folder.folders)
        collect(child, directories, names, out);
}

/// Paints an entry as: method badge, name, and the location dimmed after it.
class QuickOpenDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : nullptr;
        const QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
        const QString name = opt.text;
        opt.text.clear();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
        const int badge = MethodBadgeDelegate::paintBadge(painter, opt, text, index.data(QuickOpenModel::MethodRole).toString());
        const bool selected = opt.state & QStyle::State_Selected;
        painter->save();
        QRect rest = text.adjusted(badge, 0, 0, 0);
        painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        const QString shownName = opt.fontMetrics.elidedText(name, Qt::ElideRight, rest.width() * 2 / 3);
        painter->drawText(rest, Qt::AlignLeft | Qt::AlignVCenter, shownName);
        rest.setLeft(rest.left() + opt.fontMetrics.horizontalAdvance(shownName) + opt.fontMetrics.averageCharWidth() * 2);
        painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
        painter->drawText(rest, Qt::AlignLeft | Qt::AlignVCenter,
                          opt.fontMetrics.elidedText(index.data(QuickOpenModel::LocationRole).toString(), Qt::ElideMiddle,
                                                     rest.width()));
        painter->restore();
    }
};

} // namespace

QList<QuickOpenEntry> quickOpenEntries(const Workspace &workspace)
{
    QList<QuickOpenEntry> entries;
    for (const Folder &collection : workspace.collections)
        collect(collection, {}, {}, entries);
    return entries;
}

int fuzzyScore(QStringView query, QStringView text)
{
    if (query.isEmpty())
        return 0;
    int score = 0;
    qsizetype position = 0;
    qsizetype previous = -2;
    for (const QChar wanted : query) {
        const QChar lower = wanted.toLower();
        while (position < text.size() && text.at(position).toLower() != lower)
            ++position;
        if (position == text.size())
            return -1;
        const bool wordStart = position == 0 || !text.at(position - 1).isLetterOrNumber()
            || (text.at(position).isUpper() && text.at(position - 1).isLower());
        score += 1;
        if (wordStart)
            score += 8;
        if (position == previous + 1)
            score += 5;
        previous = position;
        ++position;
    }
    // Shorter texts win among equal matches.
    return score * 4 - int(qMin<qsizetype>(text.size(), 40)) / 8;
}

QuickOpenModel::QuickOpenModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void QuickOpenModel::setEntries(const QList<QuickOpenEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    m_shown.clear();
    for (int i = 0; i < m_entries.size(); ++i)
        m_shown.append(i);
    endResetModel();
}

int QuickOpenModel::score(const QuickOpenEntry &entry, const QStringList &words) const
{
    int total = 0;
    for (const QString &word : words) {
        // A word matches the name, else the method, else the location; the name counts most.
        const int name = fuzzyScore(word, entry.name);
        if (name >= 0) {
            total += name * 3;
            continue;
        }
        if (entry.method.compare(word, Qt::CaseInsensitive) == 0) {
            total += 10;
            continue;
        }
        const int location = fuzzyScore(word, entry.location);
        if (location < 0)
            return -1;
        total += location;
    }
    return total;
}

void QuickOpenModel::setQuery(const QString &query)
{
    const QStringList words = query.split(u' ', Qt::SkipEmptyParts);
    QList<std::pair<int, int>> scored; // score, entry
    for (int i = 0; i < m_entries.size(); ++i) {
        const int s = words.isEmpty() ? 0 : score(m_entries.at(i), words);
        if (s >= 0)
            scored.append({s, i});
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    beginResetModel();
    m_shown.clear();
    for (const auto &[s, i] : scored)
        m_shown.append(i);
    endResetModel();
}

int QuickOpenModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

QVariant QuickOpenModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QuickOpenEntry &e = m_entries.at(m_shown.at(index.row()));
    switch (role) {
    case Qt::DisplayRole: return e.name;
    case Qt::ToolTipRole: return QString(e.location + QStringLiteral(" / ") + e.name);
    case MethodRole: return e.method;
    case LocationRole: return e.location;
    default: return {};
    }
}

QuickOpenDialog::QuickOpenDialog(const Workspace &workspace, QWidget *parent)
    : QDialog(parent)
    , m_search(new QLineEdit(this))
    , m_list(new QListView(this))
    , m_model(new QuickOpenModel(this))
{
    setWindowTitle(tr("Open Request"));
    m_search->setPlaceholderText(tr("Request name, folder or method"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_list->setModel(m_model);
    m_list->setItemDelegate(new QuickOpenDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setFocusPolicy(Qt::NoFocus);
    m_model->setEntries(quickOpenEntries(workspace));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_list);
    resize(560, 380);

    const auto selectFirst = [this] {
        if (m_model->rowCount() > 0)
            m_list->setCurrentIndex(m_model->index(0));
    };
    connect(m_search, &QLineEdit::textChanged, this, [this, selectFirst](const QString &text) {
        m_model->setQuery(text);
        selectFirst();
    });
    connect(m_search, &QLineEdit::returnPressed, this, [this] { choose(m_list->currentIndex()); });
    connect(m_list, &QListView::activated, this, &QuickOpenDialog::choose);
    connect(m_list, &QListView::clicked, this, &QuickOpenDialog::choose);
    selectFirst();
}

bool QuickOpenDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up || key == Qt::Key_PageDown || key == Qt::Key_PageUp) {
            QCoreApplication::sendEvent(m_list, event);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void QuickOpenDialog::choose(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    Q_EMIT requestChosen(m_model->entry(index.row()).ref);
    accept();
}

} // namespace Sonde
