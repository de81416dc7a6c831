#include "editor/LexerFactory.h"

// QScintilla's headers use the `signals`/`slots` keywords that QT_NO_KEYWORDS removes.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#include <Qsci/qscilexerbash.h>
#include <Qsci/qscilexercpp.h>
#include <Qsci/qscilexercsharp.h>
#include <Qsci/qscilexercss.h>
#include <Qsci/qscilexerhtml.h>
#include <Qsci/qscilexerjava.h>
#include <Qsci/qscilexerjavascript.h>
#include <Qsci/qscilexerjson.h>
#include <Qsci/qscilexerpython.h>
#include <Qsci/qscilexerxml.h>
#include <Qsci/qscilexeryaml.h>
#undef signals
#undef slots

#include <QFont>
#include <QPalette>
#include <optional>
#include <span>

#ifdef SONDE_HAVE_KSYNTAXHIGHLIGHTING
#include "editor/KSyntaxLexer.h"

#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>
#include <memory>
#endif

namespace Sonde::LexerFactory {

namespace {

struct StyleRole
{
    int style;
    TokenRole role;
};

using R = TokenRole;

constexpr StyleRole jsonRoles[] = {
    {QsciLexerJSON::Number, R::Number},
    {QsciLexerJSON::String, R::String},
    {QsciLexerJSON::UnclosedString, R::Error},
    {QsciLexerJSON::Property, R::Property},
    {QsciLexerJSON::EscapeSequence, R::Escape},
    {QsciLexerJSON::CommentLine, R::Comment},
    {QsciLexerJSON::CommentBlock, R::Comment},
    {QsciLexerJSON::Operator, R::Operator},
    {QsciLexerJSON::IRI, R::Special},
    {QsciLexerJSON::IRICompact, R::Special},
    {QsciLexerJSON::Keyword, R::Keyword},
    {QsciLexerJSON::KeywordLD, R::Keyword},
    {QsciLexerJSON::Error, R::Error},
};

// XML and HTML share Scintilla's HTML lexer; HTML also embeds JavaScript.
constexpr StyleRole markupRoles[] = {
    {QsciLexerHTML::Tag, R::Tag},
    {QsciLexerHTML::UnknownTag, R::Tag},
    {QsciLexerHTML::XMLTagEnd, R::Tag},
    {QsciLexerHTML::Attribute, R::Attribute},
    {QsciLexerHTML::UnknownAttribute, R::Attribute},
    {QsciLexerHTML::HTMLNumber, R::Number},
    {QsciLexerHTML::HTMLDoubleQuotedString, R::String},
    {QsciLexerHTML::HTMLSingleQuotedString, R::String},
    {QsciLexerHTML::HTMLValue, R::String},
    {QsciLexerHTML::OtherInTag, R::Operator},
    {QsciLexerHTML::HTMLComment, R::Comment},
    {QsciLexerHTML::Entity, R::Escape},
    {QsciLexerHTML::XMLStart, R::Special},
    {QsciLexerHTML::XMLEnd, R::Special},
    {QsciLexerHTML::CDATA, R::Special},
    {QsciLexerHTML::SGMLDefault, R::Special},
    {QsciLexerHTML::SGMLCommand, R::Keyword},
    {QsciLexerHTML::SGMLParameter, R::Attribute},
    {QsciLexerHTML::SGMLDoubleQuotedString, R::String},
    {QsciLexerHTML::SGMLSingleQuotedString, R::String},
    {QsciLexerHTML::SGMLError, R::Error},
    {QsciLexerHTML::SGMLSpecial, R::Special},
    {QsciLexerHTML::SGMLEntity, R::Escape},
    {QsciLexerHTML::SGMLComment, R::Comment},
    {QsciLexerHTML::SGMLParameterComment, R::Comment},
    {QsciLexerHTML::SGMLBlockDefault, R::Special},
    {QsciLexerHTML::JavaScriptComment, R::Comment},
    {QsciLexerHTML::JavaScriptCommentLine, R::Comment},
    {QsciLexerHTML::JavaScriptCommentDoc, R::Comment},
    {QsciLexerHTML::JavaScriptNumber, R::Number},
    {QsciLexerHTML::JavaScriptKeyword, R::Keyword},
    {QsciLexerHTML::JavaScriptDoubleQuotedString, R::String},
    {QsciLexerHTML::JavaScriptSingleQuotedString, R::String},
    {QsciLexerHTML::JavaScriptSymbol, R::Operator},
    {QsciLexerHTML::JavaScriptUnclosedString, R::Error},
    {QsciLexerHTML::JavaScriptRegex, R::String},
};

constexpr StyleRole javaScriptRoles[] = {
    {QsciLexerCPP::Comment, R::Comment},
    {QsciLexerCPP::CommentLine, R::Comment},
    {QsciLexerCPP::CommentDoc, R::Comment},
    {QsciLexerCPP::CommentLineDoc, R::Comment},
    {QsciLexerCPP::CommentDocKeyword, R::Special},
    {QsciLexerCPP::CommentDocKeywordError, R::Error},
    {QsciLexerCPP::Number, R::Number},
    {QsciLexerCPP::UUID, R::Number},
    {QsciLexerCPP::Keyword, R::Keyword},
    {QsciLexerCPP::KeywordSet2, R::Keyword},
    {QsciLexerCPP::DoubleQuotedString, R::String},
    {QsciLexerCPP::SingleQuotedString, R::String},
    {QsciLexerCPP::VerbatimString, R::String},
    {QsciLexerCPP::RawString, R::String},
    {QsciLexerCPP::TripleQuotedVerbatimString, R::String},
    {QsciLexerCPP::HashQuotedString, R::String},
    {QsciLexerCPP::Regex, R::String},
    {QsciLexerCPP::UnclosedString, R::Error},
    {QsciLexerCPP::PreProcessor, R::Special},
    {QsciLexerCPP::Operator, R::Operator},
    {QsciLexerCPP::GlobalClass, R::Property},
    {QsciLexerCPP::EscapeSequence, R::Escape},
};

constexpr StyleRole yamlRoles[] = {
    {QsciLexerYAML::Comment, R::Comment},
    {QsciLexerYAML::Identifier, R::Property},
    {QsciLexerYAML::Keyword, R::Keyword},
    {QsciLexerYAML::Number, R::Number},
    {QsciLexerYAML::Reference, R::Special},
    {QsciLexerYAML::DocumentDelimiter, R::Special},
    {QsciLexerYAML::TextBlockMarker, R::Operator},
    {QsciLexerYAML::SyntaxErrorMarker, R::Error},
    {QsciLexerYAML::Operator, R::Operator},
};

constexpr StyleRole cssRoles[] = {
    {QsciLexerCSS::Tag, R::Tag},
    {QsciLexerCSS::ClassSelector, R::Attribute},
    {QsciLexerCSS::IDSelector, R::Attribute},
    {QsciLexerCSS::Attribute, R::Attribute},
    {QsciLexerCSS::PseudoClass, R::Special},
    {QsciLexerCSS::PseudoElement, R::Special},
    {QsciLexerCSS::ExtendedPseudoClass, R::Special},
    {QsciLexerCSS::ExtendedPseudoElement, R::Special},
    {QsciLexerCSS::UnknownPseudoClass, R::Error},
    {QsciLexerCSS::Operator, R::Operator},
    {QsciLexerCSS::CSS1Property, R::Property},
    {QsciLexerCSS::CSS2Property, R::Property},
    {QsciLexerCSS::CSS3Property, R::Property},
    {QsciLexerCSS::ExtendedCSSProperty, R::Property},
    {QsciLexerCSS::UnknownProperty, R::Property},
    {QsciLexerCSS::Value, R::Number},
    {QsciLexerCSS::Comment, R::Comment},
    {QsciLexerCSS::Important, R::Keyword},
    {QsciLexerCSS::AtRule, R::Keyword},
    {QsciLexerCSS::MediaRule, R::Keyword},
    {QsciLexerCSS::DoubleQuotedString, R::String},
    {QsciLexerCSS::SingleQuotedString, R::String},
    {QsciLexerCSS::Variable, R::Special},
};

constexpr StyleRole shellRoles[] = {
    {QsciLexerBash::Error, R::Error},
    {QsciLexerBash::Comment, R::Comment},
    {QsciLexerBash::Number, R::Number},
    {QsciLexerBash::Keyword, R::Keyword},
    {QsciLexerBash::DoubleQuotedString, R::String},
    {QsciLexerBash::SingleQuotedString, R::String},
    {QsciLexerBash::Operator, R::Operator},
    {QsciLexerBash::Scalar, R::Property},
    {QsciLexerBash::ParameterExpansion, R::Property},
    {QsciLexerBash::Backticks, R::Special},
    {QsciLexerBash::HereDocumentDelimiter, R::Special},
    {QsciLexerBash::SingleQuotedHereDocument, R::String},
};

constexpr StyleRole pythonRoles[] = {
    {QsciLexerPython::Comment, R::Comment},
    {QsciLexerPython::CommentBlock, R::Comment},
    {QsciLexerPython::Number, R::Number},
    {QsciLexerPython::DoubleQuotedString, R::String},
    {QsciLexerPython::SingleQuotedString, R::String},
    {QsciLexerPython::TripleSingleQuotedString, R::String},
    {QsciLexerPython::TripleDoubleQuotedString, R::String},
    {QsciLexerPython::DoubleQuotedFString, R::String},
    {QsciLexerPython::SingleQuotedFString, R::String},
    {QsciLexerPython::UnclosedString, R::Error},
    {QsciLexerPython::Keyword, R::Keyword},
    {QsciLexerPython::ClassName, R::Property},
    {QsciLexerPython::FunctionMethodName, R::Property},
    {QsciLexerPython::Operator, R::Operator},
    {QsciLexerPython::HighlightedIdentifier, R::Special},
    {QsciLexerPython::Decorator, R::Special},
};

// PHP lives in Scintilla's HTML lexer, after `<?php`.
constexpr StyleRole phpRoles[] = {
    {QsciLexerHTML::PHPStart, R::Special},
    {QsciLexerHTML::PHPDoubleQuotedString, R::String},
    {QsciLexerHTML::PHPSingleQuotedString, R::String},
    {QsciLexerHTML::PHPKeyword, R::Keyword},
    {QsciLexerHTML::PHPNumber, R::Number},
    {QsciLexerHTML::PHPVariable, R::Property},
    {QsciLexerHTML::PHPDoubleQuotedVariable, R::Property},
    {QsciLexerHTML::PHPComment, R::Comment},
    {QsciLexerHTML::PHPCommentLine, R::Comment},
    {QsciLexerHTML::PHPOperator, R::Operator},
};

/// Go with the C-family lexer and Go's keywords: QScintilla has no Go lexer of its own.
class GoLexer final : public QsciLexerCPP
{
public:
    using QsciLexerCPP::QsciLexerCPP;

    const char *language() const override { return "Go"; }
    const char *keywords(int set) const override
    {
        if (set == 1)
            return "break case chan const continue default defer else fallthrough for func go goto if import "
                   "interface map package range return select struct switch type var";
        if (set == 2)
            return "any append bool byte cap close complex64 complex128 copy delete error false float32 "
                   "float64 int int8 int16 int32 int64 iota len make new nil panic print println recover "
                   "rune "
                   "string true uint uint8 uint16 uint32 uint64 uintptr";
        return nullptr;
    }
};

std::span<const StyleRole> rolesFor(CodeEditor::Language language)
{
    switch (language) {
    case CodeEditor::Language::PlainText:
        return {};
    case CodeEditor::Language::Json:
        return jsonRoles;
    case CodeEditor::Language::Xml:
    case CodeEditor::Language::Html:
        return markupRoles;
    case CodeEditor::Language::JavaScript:
        return javaScriptRoles;
    case CodeEditor::Language::Yaml:
        return yamlRoles;
    case CodeEditor::Language::Css:
        return cssRoles;
    case CodeEditor::Language::Shell:
    case CodeEditor::Language::PowerShell:
        return shellRoles;
    case CodeEditor::Language::Python:
        return pythonRoles;
    case CodeEditor::Language::Php:
        return phpRoles;
    case CodeEditor::Language::Go:
    case CodeEditor::Language::Java:
    case CodeEditor::Language::CSharp:
    case CodeEditor::Language::Cpp:
        return javaScriptRoles; // all C-family: QsciLexerCPP's styles
    }
    return {};
}

Backend &chosenBackend()
{
    static Backend chosen = availableBackends().constFirst();
    return chosen;
}

#ifdef SONDE_HAVE_KSYNTAXHIGHLIGHTING
KSyntaxHighlighting::Repository *&sharedRepository()
{
    static KSyntaxHighlighting::Repository *repository = nullptr;
    return repository;
}

KSyntaxHighlighting::Repository &repository()
{
    KSyntaxHighlighting::Repository *&shared = sharedRepository();
    if (!shared) {
        static std::unique_ptr<KSyntaxHighlighting::Repository> own
            = std::make_unique<KSyntaxHighlighting::Repository>();
        shared = own.get();
    }
    return *shared;
}

/// The theme chosen in the settings, when this build has it.
std::optional<KSyntaxHighlighting::Theme> chosenTheme()
{
    if (themeName().isEmpty())
        return std::nullopt;
    const KSyntaxHighlighting::Theme theme = repository().theme(themeName());
    if (!theme.isValid() || theme.name() != themeName())
        return std::nullopt; // Repository::theme() gives a fallback for a name it does not have
    return theme;
}

QString definitionName(CodeEditor::Language language)
{
    switch (language) {
    case CodeEditor::Language::PlainText:
        return {};
    case CodeEditor::Language::Json:
        return QStringLiteral("JSON");
    case CodeEditor::Language::Xml:
        return QStringLiteral("XML");
    case CodeEditor::Language::Html:
        return QStringLiteral("HTML");
    case CodeEditor::Language::JavaScript:
        return QStringLiteral("JavaScript");
    case CodeEditor::Language::Yaml:
        return QStringLiteral("YAML");
    case CodeEditor::Language::Css:
        return QStringLiteral("CSS");
    case CodeEditor::Language::Shell:
        return QStringLiteral("Bash");
    case CodeEditor::Language::Python:
        return QStringLiteral("Python");
    case CodeEditor::Language::Go:
        return QStringLiteral("Go");
    case CodeEditor::Language::Java:
        return QStringLiteral("Java");
    case CodeEditor::Language::CSharp:
        return QStringLiteral("C#");
    case CodeEditor::Language::Php:
        return QStringLiteral("PHP/PHP");
    case CodeEditor::Language::PowerShell:
        return QStringLiteral("PowerShell");
    case CodeEditor::Language::Cpp:
        return QStringLiteral("C++");
    }
    return {};
}
#endif

} // namespace

QList<Backend> availableBackends()
{
#ifdef SONDE_HAVE_KSYNTAXHIGHLIGHTING
    return {Backend::KSyntaxHighlighting, Backend::QScintilla};
#else
    return {Backend::QScintilla};
#endif
}

Backend backend()
{
    return chosenBackend();
}

void setBackend(Backend backend)
{
    if (availableBackends().contains(backend))
        chosenBackend() = backend;
}

QString backendName(Backend backend)
{
    return backend == Backend::KSyntaxHighlighting ? QStringLiteral("ksyntaxhighlighting")
                                                   : QStringLiteral("qscintilla");
}

QStringList themeNames()
{
    QStringList names;
#ifdef SONDE_HAVE_KSYNTAXHIGHLIGHTING
    const QList<KSyntaxHighlighting::Theme> themes = repository().themes();
    for (const KSyntaxHighlighting::Theme &theme : themes)
        names.append(theme.name());
    names.sort(Qt::CaseInsensitive);
#endif
    return names;
}

namespace {

QString &chosenThemeName()
{
    static QString name;
    return name;
}

} // namespace

void setThemeName(const QString &name)
{
    chosenThemeName() = name;
}

QString themeName()
{
    return chosenThemeName();
}

SyntaxTheme editorTheme(const QPalette &palette)
{
#ifdef SONDE_HAVE_KSYNTAXHIGHLIGHTING
    if (const std::optional<KSyntaxHighlighting::Theme> theme = chosenTheme()) {
        using Colors = KSyntaxHighlighting::Theme;
        // The theme's colours in the palette's places: the token colours of QScintilla's lexers (used
        // for large documents) then suit the theme's background too.
        QPalette themed = palette;
        themed.setColor(QPalette::Base, QColor::fromRgba(theme->editorColor(Colors::BackgroundColor)));
        themed.setColor(QPalette::Text, QColor::fromRgba(theme->textColor(Colors::Normal)));
        themed.setColor(QPalette::Window, QColor::fromRgba(theme->editorColor(Colors::IconBorder)));
        themed.setColor(QPalette::Highlight, QColor::fromRgba(theme->editorColor(Colors::TextSelection)));
        themed.setColor(QPalette::HighlightedText, QColor::fromRgba(theme->textColor(Colors::Normal)));
        SyntaxTheme editor = SyntaxTheme::fromPalette(themed);
        editor.marginPaper = QColor::fromRgba(theme->editorColor(Colors::IconBorder));
        editor.marginText = QColor::fromRgba(theme->editorColor(Colors::LineNumbers));
        editor.caretLine = QColor::fromRgba(theme->editorColor(Colors::CurrentLine));
        return editor;
    }
#endif
    return SyntaxTheme::fromPalette(palette);
}

void setRepository([[maybe_unused]] KSyntaxHighlighting::Repository *repository)
{
#ifdef SONDE_HAVE_KSYNTAXHIGHLIGHTING
    sharedRepository() = repository;
#endif
}

QsciLexer *create(CodeEditor::Language language, QObject *parent, [[maybe_unused]] qint64 documentSize)
{
#ifdef SONDE_HAVE_KSYNTAXHIGHLIGHTING
    if (chosenBackend() == Backend::KSyntaxHighlighting && language != CodeEditor::Language::PlainText
        && documentSize <= LargeDocumentBytes) {
        const KSyntaxHighlighting::Definition definition
            = repository().definitionForName(definitionName(language));
        if (definition.isValid())
            return new KSyntaxLexer(definition, parent);
    }
#endif
    switch (language) {
    case CodeEditor::Language::PlainText:
        return nullptr;
    case CodeEditor::Language::Json: {
        auto *lexer = new QsciLexerJSON(parent);
        lexer->setHighlightEscapeSequences(true);
        lexer->setFoldCompact(false);
        return lexer;
    }
    case CodeEditor::Language::Xml: {
        auto *lexer = new QsciLexerXML(parent);
        lexer->setFoldCompact(false);
        return lexer;
    }
    case CodeEditor::Language::Html: {
        auto *lexer = new QsciLexerHTML(parent);
        lexer->setFoldCompact(false);
        return lexer;
    }
    case CodeEditor::Language::JavaScript: {
        auto *lexer = new QsciLexerJavaScript(parent);
        lexer->setFoldCompact(false);
        return lexer;
    }
    case CodeEditor::Language::Yaml:
        return new QsciLexerYAML(parent);
    case CodeEditor::Language::Css: {
        auto *lexer = new QsciLexerCSS(parent);
        lexer->setFoldCompact(false);
        return lexer;
    }
    case CodeEditor::Language::Shell:
    case CodeEditor::Language::PowerShell: {
        auto *lexer = new QsciLexerBash(parent);
        lexer->setFoldCompact(false);
        return lexer;
    }
    case CodeEditor::Language::Python:
        return new QsciLexerPython(parent);
    case CodeEditor::Language::Go: {
        auto *lexer = new GoLexer(parent);
        lexer->setFoldCompact(false);
        return lexer;
    }
    case CodeEditor::Language::Java: {
        auto *lexer = new QsciLexerJava(parent);
        lexer->setFoldCompact(false);
        return lexer;
    }
    case CodeEditor::Language::CSharp: {
        auto *lexer = new QsciLexerCSharp(parent);
        lexer->setFoldCompact(false);
        return lexer;
    }
    case CodeEditor::Language::Php: {
        auto *lexer = new QsciLexerHTML(parent);
        lexer->setFoldCompact(false);
        return lexer;
    }
    case CodeEditor::Language::Cpp: {
        auto *lexer = new QsciLexerCPP(parent);
        lexer->setFoldCompact(false);
        return lexer;
    }
    }
    return nullptr;
}

void applyTheme(QsciLexer &lexer, CodeEditor::Language language, const SyntaxTheme &theme, const QFont &font)
{
#ifdef SONDE_HAVE_KSYNTAXHIGHLIGHTING
    if (auto *ksyntax = qobject_cast<KSyntaxLexer *>(&lexer)) {
        // The theme chosen in the settings, else KSyntaxHighlighting's own light or dark one, as the
        // palette is.
        ksyntax->setColors(chosenTheme().value_or(repository().defaultTheme(theme.dark
                                   ? KSyntaxHighlighting::Repository::DarkTheme
                                   : KSyntaxHighlighting::Repository::LightTheme)),
            font);
        return;
    }
#endif
    lexer.setDefaultFont(font);
    lexer.setDefaultPaper(theme.paper);
    lexer.setDefaultColor(theme.text);
    lexer.setFont(font, -1);
    lexer.setPaper(theme.paper, -1);
    lexer.setColor(theme.text, -1);
    lexer.setEolFill(false, -1);

    QFont italic = font;
    italic.setItalic(true);
    for (const StyleRole &entry : rolesFor(language)) {
        lexer.setColor(theme.color(entry.role), entry.style);
        if (entry.role == TokenRole::Comment)
            lexer.setFont(italic, entry.style);
    }
}

QList<std::pair<QByteArray, QByteArray>> extraProperties(CodeEditor::Language language)
{
    // QsciLexerHTML/XML leave Scintilla's HTML folding off.
    if (language == CodeEditor::Language::Xml || language == CodeEditor::Language::Html)
        return {{QByteArrayLiteral("fold.html"), QByteArrayLiteral("1")}};
    return {};
}

} // namespace Sonde::LexerFactory
