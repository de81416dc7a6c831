#include "request/BinaryBodyEditor.h"

#include "http/RequestBuilder.h"
#include "request/FilePathEdit.h"

#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QVBoxLayout>

namespace Sonde {

BinaryBodyEditor::BinaryBodyEditor(QWidget *parent)
    : QWidget(parent)
    , m_path(new FilePathEdit(this))
    , m_size(new QLabel(this))
    , m_contentType(new QLineEdit(this))
{
    m_size->setTextFormat(Qt::PlainText);
    m_size->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_contentType->setAccessibleName(tr("Content type of the file"));
    m_contentType->setToolTip(tr("Left empty, the type guessed from the file is sent"));

    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("File:"), m_path);
    form->addRow(tr("Size:"), m_size);
    form->addRow(tr("Content-Type:"), m_contentType);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(form);
    layout->addStretch();

    connect(m_path, &FilePathEdit::pathEdited, this, [this] {
        updateFileInfo();
        Q_EMIT edited();
    });
    connect(m_contentType, &QLineEdit::textEdited, this, &BinaryBodyEditor::edited);
    updateFileInfo();
}

Body BinaryBodyEditor::body() const
{
    Body body;
    body.kind = Body::Kind::Binary;
    body.filePath = m_path->path();
    body.contentType = m_contentType->text().trimmed();
    return body;
}

void BinaryBodyEditor::setBody(const Body &body)
{
    m_path->setPath(body.filePath);
    m_contentType->setText(body.contentType);
    updateFileInfo();
}

QString BinaryBodyEditor::contentType() const
{
    const QString typed = m_contentType->text().trimmed();
    return typed.isEmpty() ? m_guessedType : typed;
}

void BinaryBodyEditor::updateFileInfo()
{
    const QString path = m_path->path();
    const QFileInfo info(path);
    m_guessedType.clear();
    if (path.isEmpty()) {
        m_size->setText(tr("No file chosen"));
    } else if (!info.exists()) {
        m_size->setText(tr("The file does not exist"));
    } else if (!info.isFile() || !info.isReadable()) {
        m_size->setText(tr("The file cannot be read"));
    } else {
        const qint64 bytes = info.size();
        m_size->setText(bytes < 1024
                ? tr("%n byte(s)", nullptr, int(bytes))
                : tr("%1 (%2 bytes)").arg(QLocale().formattedDataSize(bytes), QLocale().toString(bytes)));
        m_guessedType = RequestBuilder::guessContentType(path);
    }
    m_contentType->setPlaceholderText(
        m_guessedType.isEmpty() ? tr("guessed from the file") : tr("%1 (guessed)").arg(m_guessedType));
}

} // namespace Sonde
