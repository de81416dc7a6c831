#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QTimer;

namespace Sonde {

/// The filter field under the response body: a JSONPath or XPath expression, what it matched, and
/// an invalid expression's error in red under the field.
///
/// Typing settles for a moment before filterRequested() is emitted; Enter emits at once.
class BodyFilterBar : public QWidget
{
    Q_OBJECT

public:
    enum class Syntax { None, JsonPath, XPath };

    explicit BodyFilterBar(QWidget *parent = nullptr);

    /// Which query language the body takes; None disables the field.
    void setSyntax(Syntax syntax);
    Syntax syntax() const { return m_syntax; }

    QString expression() const;
    /// Sets the field's text and emits filterRequested() at once.
    void setExpression(const QString &expression);

    /// The error in red under the field; an empty string hides it.
    void setError(const QString &error);
    QString error() const;
    /// A short note next to the field ("3 matches", "Filtering…").
    void setStatus(const QString &status);
    QString status() const;

    QLineEdit *lineEdit() const { return m_edit; }

Q_SIGNALS:
    void filterRequested(const QString &expression);

private:
    QLineEdit *m_edit;
    QLabel *m_status;
    QLabel *m_error;
    QTimer *m_settle;
    Syntax m_syntax = Syntax::None;
};

} // namespace Sonde
