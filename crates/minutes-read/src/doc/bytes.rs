//! Little-endian reads that never panic: out-of-range reads are `None`.

/// The `u8` at `at`.
pub(super) fn u8_at(data: &[u8], at: usize) -> Option<u8> {
    data.get(at).copied()
}

/// The little-endian `u16` at `at`.
pub(super) fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    let bytes = data.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([*bytes.first()?, *bytes.get(1)?]))
}

/// The little-endian `u32` at `at`.
pub(super) fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    let bytes = data.get(at..at.checked_add(4)?)?;
    let mut word = [0u8; 4];
    word.copy_from_slice(bytes);
    Some(u32::from_le_bytes(word))
}

/// The `len` bytes at `at`, if all are there.
pub(super) fn slice(data: &[u8], at: usize, len: usize) -> Option<&[u8]> {
    data.get(at..at.checked_add(len)?)
}

/// The bytes of an (offset, length) pair of the FIB, if both fit in `data`.
pub(super) fn fc_lcb(data: &[u8], fc_lcb: (u32, u32)) -> Option<&[u8]> {
    let (fc, lcb) = fc_lcb;
    slice(data, usize::try_from(fc).ok()?, usize::try_from(lcb).ok()?)
}

/// The little-endian 16-bit units of `data` (a trailing odd byte is dropped).
pub(super) fn utf16_units(data: &[u8]) -> impl Iterator<Item = u16> + '_ {
    data.chunks_exact(2).map(|pair| match pair {
        [a, b] => u16::from_le_bytes([*a, *b]),
        _ => 0,
    })
}
