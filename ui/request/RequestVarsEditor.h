#pragma once

#include "model/Request.h"

#include <QWidget>

class QTableView;

namespace Sonde {

class CapturesTableModel;
class VariablesPane;

/// The Vars tab of the request editor: the request's own variables (the narrowest scope) and what
/// to capture from its response into variables for the next requests (chaining: `token` ← JSONPath
/// `$.access_token`, or a header, or the status).
class RequestVarsEditor final : public QWidget
{
    Q_OBJECT
public:
    explicit RequestVarsEditor(QWidget *parent = nullptr);

    VariableList variables() const;
    QList<ResponseCapture> captures() const;
    /// Shows `variables` and `captures`; emits nothing.
    void setVars(const VariableList &variables, const QList<ResponseCapture> &captures);
    /// Variables plus enabled captures, for the tab's caption.
    int activeCount() const;

    VariablesPane *variablesPane() const { return m_variables; }
    CapturesTableModel *capturesModel() const { return m_captures; }
    QTableView *capturesView() const { return m_capturesView; }

Q_SIGNALS:
    void varsEdited();

private:
    VariablesPane *m_variables;
    CapturesTableModel *m_captures;
    QTableView *m_capturesView;
};

} // namespace Sonde
