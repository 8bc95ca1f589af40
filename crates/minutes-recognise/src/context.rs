//! What every matcher reads besides the text: the phrasebook and the body whose ids
//! count. Passed by value (two words) through the walkers and matchers, so that a
//! recognition with a user's phrasebook or a forced body needs no global state.

use minutes_model::{leading_tdoc_spans, tdoc_spans, Scheme, TdocSpans};

use crate::phrasebook::{builtin, Phrasebook};

/// The phrasebook and the body of one recognition.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Context<'b> {
    /// The words of decisions.
    pub book: &'b Phrasebook,
    /// The body whose document ids are read (`--body`); `None` reads every body's.
    pub body: Option<Scheme>,
}

impl Context<'static> {
    /// The built-in phrasebook, every body's ids.
    pub fn builtin() -> Context<'static> {
        Context { book: builtin(), body: None }
    }
}

impl Context<'_> {
    /// The ids of `text` that count (see [`tdoc_spans`]).
    pub fn spans(self, text: &str) -> TdocSpans<'_> {
        tdoc_spans(text).of_body(self.body)
    }

    /// The ids that count at the very start of `text` (see [`leading_tdoc_spans`]).
    pub fn leading(self, text: &str) -> TdocSpans<'_> {
        leading_tdoc_spans(text).of_body(self.body)
    }
}
