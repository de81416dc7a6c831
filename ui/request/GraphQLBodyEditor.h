#pragma once

#include "model/Request.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace Sonde {

class CodeEditor;

/// The "GraphQL" page of the body editor: the query document, its variables as a JSON object, the
/// operation to run and whether to send it as a GET with query parameters instead of a JSON POST.
class GraphQLBodyEditor final : public QWidget
{
    Q_OBJECT
public:
    explicit GraphQLBodyEditor(QWidget *parent = nullptr);

    Body body() const;
    /// Shows the GraphQL members of `body`; emits nothing.
    void setBody(const Body &body);

    CodeEditor *queryEditor() const { return m_query; }
    CodeEditor *variablesEditor() const { return m_variables; }
    QLineEdit *operationEdit() const { return m_operation; }
    QCheckBox *useGetBox() const { return m_useGet; }

Q_SIGNALS:
    void edited();

private:
    CodeEditor *m_query;
    CodeEditor *m_variables;
    QLineEdit *m_operation;
    QCheckBox *m_useGet;
    bool m_updating = false;
};

} // namespace Sonde
