#include "snippets/SnippetDialog.h"

#include "formats/Snippets.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStyle>
#include <QVBoxLayout>

namespace Sonde {

namespace {

using namespace Qt::StringLiterals;

const QString TargetKey = u"snippets/target"_s;
const QString ResolveKey = u"snippets/resolveVariables"_s;
constexpr int TargetIdRole = Qt::UserRole;

} // namespace

SnippetDialog::SnippetDialog(const Request &request, Resolve resolve, QSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_request(request)
    , m_resolveFunction(std::move(resolve))
    , m_settings(settings)
    , m_targets(new QListWidget(this))
    , m_viewer(new CodeEditor(this))
    , m_resolve(new QCheckBox(tr("&Resolve variables"), this))
    , m_copy(new QPushButton(tr("&Copy"), this))
    , m_status(new QLabel(this))
{
    setWindowTitle(request.name.isEmpty() ? tr("Generate Code") : tr("Generate Code — %1").arg(request.name));
    for (const SnippetTarget &target : Snippets::targets()) {
        auto *item = new QListWidgetItem(target.label, m_targets);
        item->setData(TargetIdRole, target.id);
    }
    m_targets->setAccessibleName(tr("Language"));
    m_viewer->setReadOnlyViewer(true);
    m_viewer->setAccessibleName(tr("Code"));
    m_resolve->setToolTip(
        tr("Write the values of {{variables}} from the active environment instead of their names "
           "(secret values included)"));
    m_resolve->setEnabled(bool(m_resolveFunction));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_targets);
    splitter->addWidget(m_viewer);
    splitter->setStretchFactor(1, 1);
    // The list as wide as its longest label, so that none is cut off.
    const int listWidth = m_targets->sizeHintForColumn(0) + 2 * m_targets->frameWidth()
        + m_targets->style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    m_targets->setMinimumWidth(listWidth);
    splitter->setSizes({listWidth, 960 - listWidth});

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_copy, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_resolve);
    bottom->addStretch(1);
    bottom->addWidget(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
    layout->addLayout(bottom);
    resize(960, 600);

    if (m_settings)
        m_resolve->setChecked(m_resolve->isEnabled() && m_settings->value(ResolveKey, false).toBool());
    if (!m_settings || !setTargetId(m_settings->value(TargetKey).toString()))
        m_targets->setCurrentRow(0);
    regenerate();

    connect(m_targets, &QListWidget::currentRowChanged, this, [this] {
        if (m_settings)
            m_settings->setValue(TargetKey, targetId());
        regenerate();
    });
    connect(m_resolve, &QCheckBox::toggled, this, [this](bool on) {
        if (m_settings)
            m_settings->setValue(ResolveKey, on);
        regenerate();
    });
    connect(m_copy, &QPushButton::clicked, this, &SnippetDialog::copy);
}

QString SnippetDialog::targetId() const
{
    const QListWidgetItem *item = m_targets->currentItem();
    return item ? item->data(TargetIdRole).toString() : QString();
}

bool SnippetDialog::setTargetId(const QString &id)
{
    for (int row = 0; row < m_targets->count(); ++row) {
        if (m_targets->item(row)->data(TargetIdRole).toString() == id) {
            m_targets->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

CodeEditor::Language SnippetDialog::languageFor(const QString &snippetLanguage)
{
    static const QHash<QString, CodeEditor::Language> languages {
        {u"shell"_s, CodeEditor::Language::Shell},
        {u"python"_s, CodeEditor::Language::Python},
        {u"javascript"_s, CodeEditor::Language::JavaScript},
        {u"go"_s, CodeEditor::Language::Go},
        {u"java"_s, CodeEditor::Language::Java},
        {u"csharp"_s, CodeEditor::Language::CSharp},
        {u"php"_s, CodeEditor::Language::Php},
        {u"powershell"_s, CodeEditor::Language::PowerShell},
        {u"cpp"_s, CodeEditor::Language::Cpp},
    };
    return languages.value(snippetLanguage, CodeEditor::Language::PlainText);
}

void SnippetDialog::regenerate()
{
    const SnippetTarget *target = Snippets::target(targetId());
    if (!target)
        return;
    Request request = m_request;
    QStringList notes;
    if (m_resolve->isChecked() && m_resolveFunction) {
        const ResolvedRequest resolved = m_resolveFunction(m_request);
        request = resolved.request;
        QStringList names;
        for (const QString &name : resolved.unresolved)
            names << u"{{"_s + name + u"}}"_s;
        if (!names.isEmpty())
            notes << tr("Not defined, kept as written: %1.").arg(names.join(u", "_s));
    }
    QStringList warnings;
    const QString code = Snippets::generate(target->id, request, &warnings);
    for (const QString &warning : std::as_const(warnings))
        notes << warning;
    m_viewer->setLanguage(languageFor(target->language), code.size());
    m_viewer->setUtf8Text(code.toUtf8());
    m_status->setText(notes.join(u'\n'));
    m_status->setVisible(!notes.isEmpty());
}

void SnippetDialog::copy()
{
    QApplication::clipboard()->setText(QString::fromUtf8(m_viewer->utf8Text()));
    m_copy->setText(tr("Copied"));
}

} // namespace Sonde
