#include "editor/TextDocument.h"

#include "editor/QsciIncludes.h"

#include <QMutex>
#include <cstddef>

namespace Sonde {

// Scintilla's ILoader (include/ILexer.h), which QScintilla does not install. SCI_CREATELOADER returns
// a document through this interface; the declaration must match Scintilla's exactly. Not in an
// anonymous namespace: the compiler would conclude that nothing implements it.
class ILoader
{
public:
    virtual int Release() = 0;
    virtual int AddData(const char *data, std::ptrdiff_t length) = 0;
    virtual void *ConvertToDocument() = 0;

protected:
    ~ILoader() = default;
};

namespace {

constexpr int StatusOk = 0; // SC_STATUS_OK

// SCI_CREATELOADER builds a free-standing document and touches nothing else of the instance it is
// sent to, so one hidden instance serves every thread; the mutex keeps them one at a time.
QsciScintillaBase *factory = nullptr;
QMutex factoryMutex;

} // namespace

void TextDocument::prepareFactory()
{
    QMutexLocker lock(&factoryMutex);
    if (!factory)
        factory = new QsciScintillaBase; // never shown; deliberately kept until the process ends
}

TextDocument TextDocument::create(qint64 expectedBytes, bool styled)
{
    QMutexLocker lock(&factoryMutex);
    if (!factory)
        return {};
    // The loader comes back as the message's pointer-sized result.
    const long loader = factory->SendScintilla(QsciScintillaBase::SCI_CREATELOADER,
        static_cast<unsigned long>(std::max<qint64>(expectedBytes, 0)),
        long(styled ? QsciScintillaBase::SC_DOCUMENTOPTION_DEFAULT
                    : QsciScintillaBase::SC_DOCUMENTOPTION_STYLES_NONE));
    return TextDocument(reinterpret_cast<void *>(loader));
}

struct TextDocument::Loader
{
    explicit Loader(void *scintillaLoader)
        : loader(static_cast<ILoader *>(scintillaLoader))
    {
        document = loader->ConvertToDocument();
    }
    ~Loader() { loader->Release(); }
    Loader(const Loader &) = delete;
    Loader &operator=(const Loader &) = delete;

    ILoader *loader;
    void *document = nullptr; // the same object as a Scintilla Document, for SCI_SETDOCPOINTER
    qint64 size = 0;
};

TextDocument::TextDocument(void *scintillaLoader)
    : d(scintillaLoader ? std::make_shared<Loader>(scintillaLoader) : nullptr)
{ }

bool TextDocument::append(QByteArrayView utf8)
{
    if (!d || utf8.isEmpty())
        return d != nullptr;
    if (d->loader->AddData(utf8.data(), utf8.size()) != StatusOk)
        return false;
    d->size += utf8.size();
    return true;
}

qint64 TextDocument::size() const
{
    return d ? d->size : 0;
}

void *TextDocument::scintillaDocument() const
{
    return d ? d->document : nullptr;
}

} // namespace Sonde
