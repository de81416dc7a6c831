#pragma once

// QScintilla's headers use the `signals` and `slots` keywords that QT_NO_KEYWORDS removes: include
// them through this header (or repeat the same guard) instead of directly.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#include <Qsci/qscilexer.h>
#include <Qsci/qsciscintilla.h>
#undef signals
#undef slots
