#include "request/BodyEditor.h"

#include "request/BinaryBodyEditor.h"
#include "request/GraphQLBodyEditor.h"
#include "request/KeyValueTableModel.h"
#include "request/KeyValueTableView.h"
#include "request/MultipartTableModel.h"
#include "request/MultipartTableView.h"
#include "request/RawBodyEditor.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QRadioButton>
#include <QScopedValueRollback>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Sonde {

BodyEditor::BodyEditor(QWidget *parent)
    : QWidget(parent)
    , m_kinds(new QButtonGroup(this))
    , m_pages(new QStackedWidget(this))
    , m_noBody(new QLabel(tr("This request has no body."), m_pages))
    , m_formModel(new KeyValueTableModel(this))
    , m_formView(new KeyValueTableView(m_formModel, m_pages))
    , m_multipartModel(new MultipartTableModel(this))
    , m_multipartView(new MultipartTableView(m_multipartModel, m_pages))
    , m_raw(new RawBodyEditor(m_pages))
    , m_binary(new BinaryBodyEditor(m_pages))
    , m_graphql(new GraphQLBodyEditor(m_pages))
    , m_contentTypeNote(new QLabel(this))
{
    m_noBody->setAlignment(Qt::AlignCenter);
    m_noBody->setEnabled(false);
    m_contentTypeNote->setTextFormat(Qt::PlainText);
    m_contentTypeNote->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->setSpacing(12);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 4);
    layout->setSpacing(6);
    layout->addLayout(bar);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_contentTypeNote);

    addKind(Body::Kind::None, tr("none"), m_noBody);
    addKind(Body::Kind::Multipart, tr("form-data"), m_multipartView);
    addKind(Body::Kind::FormUrlEncoded, tr("x-www-form-urlencoded"), m_formView);
    addKind(Body::Kind::Raw, tr("raw"), m_raw);
    addKind(Body::Kind::Binary, tr("binary"), m_binary);
    addKind(Body::Kind::GraphQL, tr("GraphQL"), m_graphql);
    for (QAbstractButton *button : m_kinds->buttons())
        bar->addWidget(button);
    bar->addStretch();
    m_kinds->button(int(Body::Kind::None))->setChecked(true);

    connect(m_kinds, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (!checked)
            return;
        updatePage();
        if (!m_updating)
            Q_EMIT bodyEdited();
    });
    connect(m_formModel, &KeyValueTableModel::rowsEdited, this,
        [this] { onPageEdited(Body::Kind::FormUrlEncoded); });
    connect(m_multipartModel, &MultipartTableModel::rowsEdited, this,
        [this] { onPageEdited(Body::Kind::Multipart); });
    connect(m_raw, &RawBodyEditor::edited, this, [this] { onPageEdited(Body::Kind::Raw); });
    connect(m_binary, &BinaryBodyEditor::edited, this, [this] { onPageEdited(Body::Kind::Binary); });
    connect(m_graphql, &GraphQLBodyEditor::edited, this, [this] { onPageEdited(Body::Kind::GraphQL); });
    updatePage();
}

void BodyEditor::addKind(Body::Kind kind, const QString &label, QWidget *page)
{
    auto *button = new QRadioButton(label, this);
    m_kinds->addButton(button, int(kind));
    m_pages->addWidget(page);
    page->setProperty("bodyKind", int(kind));
}

Body BodyEditor::body() const
{
    switch (kind()) {
    case Body::Kind::None:
        return {};
    case Body::Kind::Raw:
        return m_raw->body();
    case Body::Kind::FormUrlEncoded: {
        Body body;
        body.kind = Body::Kind::FormUrlEncoded;
        body.fields = m_formModel->rows();
        return body;
    }
    case Body::Kind::Multipart: {
        Body body;
        body.kind = Body::Kind::Multipart;
        body.parts = m_multipartModel->parts();
        return body;
    }
    case Body::Kind::Binary:
        return m_binary->body();
    case Body::Kind::GraphQL:
        return m_graphql->body();
    }
    return {};
}

void BodyEditor::setBody(const Body &body)
{
    const QScopedValueRollback guard(m_updating, true);
    const Body empty;
    const auto given = [&](Body::Kind kind) -> const Body & {
        return body.kind == kind ? body : empty;
    };
    m_raw->setBody(body.kind == Body::Kind::Raw
            ? body
            : Body {Body::Kind::Raw, QStringLiteral("application/json"), QByteArray()});
    m_formModel->setRows(given(Body::Kind::FormUrlEncoded).fields);
    m_multipartModel->setParts(given(Body::Kind::Multipart).parts);
    m_binary->setBody(given(Body::Kind::Binary));
    m_graphql->setBody(given(Body::Kind::GraphQL));
    m_kinds->button(int(body.kind))->setChecked(true);
    updatePage();
}

Body::Kind BodyEditor::kind() const
{
    return Body::Kind(m_kinds->checkedId());
}

void BodyEditor::setKind(Body::Kind kind)
{
    m_kinds->button(int(kind))->setChecked(true);
}

QString BodyEditor::summary() const
{
    switch (kind()) {
    case Body::Kind::None:
        return {};
    case Body::Kind::Raw:
        return m_raw->summary();
    case Body::Kind::FormUrlEncoded:
        return tr("urlencoded");
    case Body::Kind::Multipart:
        return tr("form-data");
    case Body::Kind::Binary:
        return tr("binary");
    case Body::Kind::GraphQL:
        return tr("GraphQL");
    }
    return {};
}

void BodyEditor::setExplicitContentType(const QString &value)
{
    if (value == m_explicitContentType)
        return;
    m_explicitContentType = value;
    updateContentTypeNote();
}

QString BodyEditor::contentTypeNote() const
{
    return m_contentTypeNote->text();
}

CodeEditor *BodyEditor::editor() const
{
    return m_raw->editor();
}

void BodyEditor::onPageEdited(Body::Kind kind)
{
    updateContentTypeNote();
    // Edits of a page not shown (e.g. a model fed by a test) still change what that kind would send,
    // but not the request.
    if (!m_updating && kind == this->kind())
        Q_EMIT bodyEdited();
}

void BodyEditor::updatePage()
{
    const int id = m_kinds->checkedId();
    for (int i = 0; i < m_pages->count(); ++i) {
        if (m_pages->widget(i)->property("bodyKind").toInt() == id)
            m_pages->setCurrentIndex(i);
    }
    updateContentTypeNote();
}

void BodyEditor::updateContentTypeNote()
{
    const Body::Kind kind = this->kind();
    const bool sendsBody
        = kind != Body::Kind::None && !(kind == Body::Kind::GraphQL && m_graphql->body().graphqlUseGet);
    QString note;
    if (!sendsBody) {
        note = kind == Body::Kind::None
            ? tr("No body is sent.")
            : tr("No body is sent: the query, variables and operation name go in the URL of a GET request.");
    } else if (!m_explicitContentType.isEmpty()) {
        note = tr("Content-Type set in Headers: %1").arg(m_explicitContentType);
    } else {
        QString type;
        switch (kind) {
        case Body::Kind::Raw:
            type = m_raw->contentType();
            break;
        case Body::Kind::FormUrlEncoded:
            type = QStringLiteral("application/x-www-form-urlencoded");
            break;
        case Body::Kind::Multipart:
            type = tr("multipart/form-data; boundary=… (generated when sent)");
            break;
        case Body::Kind::Binary:
            type = m_binary->contentType();
            break;
        case Body::Kind::GraphQL:
            type = QStringLiteral("application/json");
            break;
        case Body::Kind::None:
            break;
        }
        note = type.isEmpty() ? tr("No Content-Type is sent.") : tr("Content-Type: %1").arg(type);
    }
    m_contentTypeNote->setText(note);
    // Greyed as a hint, except when a header overrides the body's own type: that is worth noticing.
    m_contentTypeNote->setEnabled(sendsBody && !m_explicitContentType.isEmpty());
}

} // namespace Sonde
