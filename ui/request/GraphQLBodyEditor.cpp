#include "request/GraphQLBodyEditor.h"

#include "editor/CodeEditor.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScopedValueRollback>
#include <QSplitter>
#include <QVBoxLayout>

namespace Sonde {

namespace {

QWidget *titled(const QString &title, QWidget *content, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *label = new QLabel(title, box);
    label->setBuddy(content);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(label);
    layout->addWidget(content, 1);
    return box;
}

} // namespace

GraphQLBodyEditor::GraphQLBodyEditor(QWidget *parent)
    : QWidget(parent)
    , m_query(new CodeEditor(this))
    , m_variables(new CodeEditor(this))
    , m_operation(new QLineEdit(this))
    , m_useGet(new QCheckBox(tr("Send as &GET"), this))
{
    m_query->setAccessibleName(tr("GraphQL query"));
    m_variables->setLanguage(CodeEditor::Language::Json);
    m_variables->setAccessibleName(tr("GraphQL variables"));
    m_operation->setPlaceholderText(tr("optional, for a document with several operations"));
    m_operation->setAccessibleName(tr("Operation name"));
    m_useGet->setToolTip(tr("Send query, variables and operation name as URL query parameters of a GET "
                            "request instead of a JSON POST body"));

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(titled(tr("&Query"), m_query, splitter));
    splitter->addWidget(titled(tr("&Variables (JSON)"), m_variables, splitter));
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *operationLabel = new QLabel(tr("&Operation name:"), this);
    operationLabel->setBuddy(m_operation);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(operationLabel);
    bar->addWidget(m_operation, 1);
    bar->addSpacing(12);
    bar->addWidget(m_useGet);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(splitter, 1);
    layout->addLayout(bar);

    const auto notify = [this] {
        if (!m_updating)
            Q_EMIT edited();
    };
    connect(m_query, &QsciScintilla::textChanged, this, notify);
    connect(m_variables, &QsciScintilla::textChanged, this, notify);
    connect(m_operation, &QLineEdit::textEdited, this, &GraphQLBodyEditor::edited);
    connect(m_useGet, &QCheckBox::toggled, this, notify);
}

Body GraphQLBodyEditor::body() const
{
    Body body;
    body.kind = Body::Kind::GraphQL;
    body.graphqlQuery = QString::fromUtf8(m_query->utf8Text());
    body.graphqlVariables = QString::fromUtf8(m_variables->utf8Text());
    body.graphqlOperationName = m_operation->text();
    body.graphqlUseGet = m_useGet->isChecked();
    return body;
}

void GraphQLBodyEditor::setBody(const Body &body)
{
    const QScopedValueRollback guard(m_updating, true);
    m_query->setUtf8Text(body.graphqlQuery.toUtf8());
    m_variables->setUtf8Text(body.graphqlVariables.toUtf8());
    m_operation->setText(body.graphqlOperationName);
    m_useGet->setChecked(body.graphqlUseGet);
}

} // namespace Sonde
