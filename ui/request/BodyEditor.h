#pragma once

#include "model/Request.h"

#include <QWidget>

class QButtonGroup;
class QLabel;
class QStackedWidget;

namespace Sonde {

class BinaryBodyEditor;
class CodeEditor;
class GraphQLBodyEditor;
class KeyValueTableModel;
class KeyValueTableView;
class MultipartTableModel;
class MultipartTableView;
class RawBodyEditor;

/// The Body tab of the request editor: a row of body kinds (none, form-data, x-www-form-urlencoded,
/// raw, binary, GraphQL) over a page editing the chosen kind, and a line saying which Content-Type
/// will be sent.
///
/// Every kind keeps what was typed into it while another kind is chosen, so switching back brings it
/// back; body() returns the chosen kind only. setBody() starts every other kind afresh.
class BodyEditor final : public QWidget
{
    Q_OBJECT
public:
    explicit BodyEditor(QWidget *parent = nullptr);

    Body body() const;
    /// Shows `body`; emits nothing.
    void setBody(const Body &body);

    Body::Kind kind() const;
    /// Shows the page of `kind` as if the user chose it (emits bodyEdited() when it changes).
    void setKind(Body::Kind kind);

    /// A short name of the body for the tab title: "JSON", "XML", the custom content type,
    /// "form-data", "urlencoded", "binary", "GraphQL"; empty when there is no body.
    QString summary() const;

    /// The value of an enabled Content-Type header the user set in the Headers tab (several joined
    /// with ", " as sent), or an empty string: that header is sent instead of the body's own type.
    void setExplicitContentType(const QString &value);
    /// The text of the line under the editor saying which Content-Type is sent.
    QString contentTypeNote() const;

    /// The raw body's text editor.
    CodeEditor *editor() const;
    RawBodyEditor *rawEditor() const { return m_raw; }
    KeyValueTableModel *formModel() const { return m_formModel; }
    KeyValueTableView *formView() const { return m_formView; }
    MultipartTableModel *multipartModel() const { return m_multipartModel; }
    MultipartTableView *multipartView() const { return m_multipartView; }
    BinaryBodyEditor *binaryEditor() const { return m_binary; }
    GraphQLBodyEditor *graphqlEditor() const { return m_graphql; }
    QLabel *contentTypeLabel() const { return m_contentTypeNote; }

Q_SIGNALS:
    /// The user changed the kind or anything of the chosen kind's body.
    void bodyEdited();

private:
    void addKind(Body::Kind kind, const QString &label, QWidget *page);
    void onPageEdited(Body::Kind kind);
    void updatePage();
    void updateContentTypeNote();

    QButtonGroup *m_kinds;
    QStackedWidget *m_pages;
    QLabel *m_noBody;
    KeyValueTableModel *m_formModel;
    KeyValueTableView *m_formView;
    MultipartTableModel *m_multipartModel;
    MultipartTableView *m_multipartView;
    RawBodyEditor *m_raw;
    BinaryBodyEditor *m_binary;
    GraphQLBodyEditor *m_graphql;
    QLabel *m_contentTypeNote;
    QString m_explicitContentType;
    bool m_updating = false;
};

} // namespace Sonde
