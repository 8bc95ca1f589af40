//! The group and serial of a [`Tdoc`](super::Tdoc), stored without a heap allocation when
//! short (always, for real identifiers): Tdocs are cloned into hash keys, dispositions and
//! links, and two `String`s each made allocation and pointer chasing dominate.

/// Bytes kept inline: a group of up to 15 letters with a 5-digit serial fits.
const INLINE: usize = 20;

/// Group and serial, one after the other.
#[derive(Clone)]
pub(super) enum Parts {
    /// `bytes[..split]` is the group, `bytes[split..len]` the serial; both valid UTF-8
    /// because they are copied from `&str`s.
    Inline { len: u8, split: u8, bytes: [u8; INLINE] },
    /// Parts too long to fit inline (never seen in minutes, but [`Tdoc::new`] accepts any
    /// text and must neither panic nor truncate).
    ///
    /// [`Tdoc::new`]: super::Tdoc::new
    Heap(Box<(String, String)>),
}

impl Parts {
    /// `group` followed by `serial`; `upper` upper-cases the group on the way.
    pub(super) fn new(group: &str, serial: &str, upper: bool) -> Parts {
        if upper && !group.is_ascii() {
            // Unicode upper-casing may change lengths: take the general path.
            return Parts::from_strs(&group.to_uppercase(), serial);
        }
        let mut parts = Parts::from_strs(group, serial);
        if upper {
            if let Parts::Inline { split, bytes, .. } = &mut parts {
                if let Some(group) = bytes.get_mut(..usize::from(*split)) {
                    group.make_ascii_uppercase();
                }
            } else if let Parts::Heap(heap) = &mut parts {
                heap.0.make_ascii_uppercase();
            }
        }
        parts
    }

    fn from_strs(group: &str, serial: &str) -> Parts {
        let len = group.len() + serial.len();
        if len <= INLINE {
            let mut bytes = [0; INLINE];
            let head = bytes.get_mut(..group.len());
            if let (Some(head), Ok(len8), Ok(split)) =
                (head, u8::try_from(len), u8::try_from(group.len()))
            {
                head.copy_from_slice(group.as_bytes());
                if let Some(tail) = bytes.get_mut(group.len()..len) {
                    tail.copy_from_slice(serial.as_bytes());
                    return Parts::Inline { len: len8, split, bytes };
                }
            }
        }
        Parts::Heap(Box::new((group.to_string(), serial.to_string())))
    }

    pub(super) fn group(&self) -> &str {
        text(self.group_bytes())
    }

    pub(super) fn serial(&self) -> &str {
        text(self.serial_bytes())
    }

    /// The group's bytes: comparisons need no UTF-8 check, which [`Parts::group`] makes.
    pub(super) fn group_bytes(&self) -> &[u8] {
        match self {
            Parts::Inline { split, bytes, .. } => {
                bytes.get(..usize::from(*split)).unwrap_or_default()
            }
            Parts::Heap(heap) => heap.0.as_bytes(),
        }
    }

    /// The serial's bytes (see [`Parts::group_bytes`]).
    pub(super) fn serial_bytes(&self) -> &[u8] {
        match self {
            Parts::Inline { len, split, bytes } => {
                bytes.get(usize::from(*split)..usize::from(*len)).unwrap_or_default()
            }
            Parts::Heap(heap) => heap.1.as_bytes(),
        }
    }
}

/// The inline bytes as text: they were copied from `&str`s at char boundaries, so this
/// never fails (and would give an empty string rather than panic if it did).
fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap_or_default()
}
