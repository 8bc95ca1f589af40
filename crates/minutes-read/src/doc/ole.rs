//! The OLE container ([MS-CFB]): through the `cfb` crate, and, for files it refuses as
//! malformed (a sector listed twice in the FAT, a directory entry with a bad colour or
//! sibling, a MiniFAT that points outside itself), through a lenient reader that follows
//! sector chains without validating the rest, as Word and LibreOffice do. Streams are
//! found by name in the directory's entries, not through its red-black tree.

use std::{
    borrow::Cow,
    io::{Cursor, Read},
};

use super::bytes::{u16_at, u32_at, utf16_units};

type Compound<'a> = cfb::CompoundFile<Cursor<Cow<'a, [u8]>>>;

/// An opened compound file.
pub(super) enum Container<'a> {
    Cfb(Box<Compound<'a>>),
    Lenient(Lenient<'a>),
}

impl<'a> Container<'a> {
    /// Opens `bytes` with the `cfb` crate, else (padded to the sectors its FAT describes)
    /// again, else leniently; the `cfb` crate's message when all fail.
    pub fn open(bytes: &'a [u8]) -> Result<Container<'a>, String> {
        let error = match cfb::CompoundFile::open(Cursor::new(Cow::Borrowed(bytes))) {
            Ok(compound) => return Ok(Container::Cfb(Box::new(compound))),
            Err(e) => e.to_string(),
        };
        if let Some(compound) = padded(bytes)
            .and_then(|p| cfb::CompoundFile::open(Cursor::new(Cow::Owned(p))).ok())
        {
            return Ok(Container::Cfb(Box::new(compound)));
        }
        Lenient::parse(bytes)
            .filter(|lenient| lenient.find("WordDocument").is_some())
            .map(Container::Lenient)
            .ok_or(error)
    }

    /// Returns true if and only if the root storage holds a stream of this name.
    pub fn has_stream(&self, name: &str) -> bool {
        match self {
            Container::Cfb(compound) => compound.is_stream(format!("/{name}")),
            Container::Lenient(lenient) => lenient.find(name).is_some(),
        }
    }

    /// Returns true if and only if an entry's name starts with `prefix`.
    pub fn has_prefix(&self, prefix: &str) -> bool {
        match self {
            Container::Cfb(compound) => {
                compound.read_root_storage().any(|e| e.name().starts_with(prefix))
            }
            Container::Lenient(lenient) => {
                lenient.entries.iter().any(|e| e.name.starts_with(prefix))
            }
        }
    }

    /// Up to `limit` bytes of the stream `name`, never more than the file's size (a
    /// stream cannot be longer than the file that holds it).
    pub fn read(
        &mut self,
        name: &str,
        limit: usize,
        file_len: usize,
    ) -> Result<Vec<u8>, String> {
        let cap = limit.min(file_len);
        match self {
            Container::Cfb(compound) => {
                let stream = compound
                    .open_stream(format!("/{name}"))
                    .map_err(|e| e.to_string())?;
                let mut data = Vec::new();
                stream
                    .take(cap as u64)
                    .read_to_end(&mut data)
                    .map_err(|e| e.to_string())?;
                Ok(data)
            }
            Container::Lenient(lenient) => {
                let entry = lenient.find(name).ok_or("no such stream")?;
                Ok(lenient.read(entry, cap))
            }
        }
    }
}

/// A compound file whose FAT describes more sectors than the file holds (cut after its
/// last used sector), padded with zeros to them; `None` when that is not the problem or
/// the padding would be large.
fn padded(bytes: &[u8]) -> Option<Vec<u8>> {
    let sector = sector_size(bytes)?;
    let fat_sectors = usize::try_from(u32_at(bytes, 0x2C)?).ok()?;
    let needed =
        fat_sectors.checked_mul(sector / 4)?.checked_mul(sector)?.checked_add(sector)?;
    if needed <= bytes.len()
        || needed > bytes.len().saturating_mul(4).saturating_add(1 << 16)
    {
        return None;
    }
    let mut padded = bytes.to_vec();
    padded.resize(needed, 0);
    Some(padded)
}

fn sector_size(bytes: &[u8]) -> Option<usize> {
    let shift = u32::from(u16_at(bytes, 0x1E)?);
    1usize.checked_shl(shift).filter(|&s| s == 512 || s == 4096)
}

/// Sector ids above this are markers (free, end of chain, FAT, DIFAT).
const MAX_REGULAR: u32 = 0xFFFF_FFFA;

/// A directory entry.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    name: String,
    start: u32,
    size: usize,
}

/// A compound file read without validation.
pub(super) struct Lenient<'a> {
    bytes: &'a [u8],
    sector: usize,
    fat: Vec<u32>,
    minifat: Vec<u32>,
    mini_cutoff: usize,
    entries: Vec<Entry>,
    /// The root entry's chain: the mini stream.
    mini_stream: Vec<u8>,
}

impl<'a> Lenient<'a> {
    fn parse(bytes: &'a [u8]) -> Option<Lenient<'a>> {
        if !bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
            return None;
        }
        let sector = sector_size(bytes)?;
        let sectors = bytes.len() / sector;
        let mut lenient = Lenient {
            bytes,
            sector,
            fat: Vec::new(),
            minifat: Vec::new(),
            mini_cutoff: usize::try_from(u32_at(bytes, 0x38)?).ok()?,
            entries: Vec::new(),
            mini_stream: Vec::new(),
        };
        // FAT sectors: 109 in the header, then the DIFAT chain (each sector's last id is
        // the next DIFAT sector).
        let mut fat_sectors: Vec<u32> =
            (0..109).filter_map(|i| u32_at(bytes, 0x4C + i * 4)).collect();
        let mut difat = u32_at(bytes, 0x44)?;
        for _ in 0..sectors {
            if difat > MAX_REGULAR {
                break;
            }
            let Some(data) = lenient.sector_data(difat) else { break };
            let ids: Vec<u32> =
                (0..sector / 4).filter_map(|i| u32_at(data, i * 4)).collect();
            let (next, ids) = ids.split_last()?;
            fat_sectors.extend_from_slice(ids);
            difat = *next;
        }
        let fat: Vec<u32> = fat_sectors
            .iter()
            .filter(|&&id| id <= MAX_REGULAR)
            .take(sectors)
            .filter_map(|&id| lenient.sector_data(id))
            .flat_map(|data| (0..sector / 4).filter_map(move |i| u32_at(data, i * 4)))
            .collect();
        lenient.fat = fat;
        let directory = lenient.chain_bytes(u32_at(bytes, 0x30)?, usize::MAX);
        lenient.entries = directory
            .chunks_exact(128)
            .map(|entry| {
                let len = usize::from(u16_at(entry, 64).unwrap_or(0)).min(64);
                let units =
                    utf16_units(entry.get(..len.saturating_sub(2)).unwrap_or_default());
                Entry {
                    name: char::decode_utf16(units)
                        .map(|c| c.unwrap_or('\u{FFFD}'))
                        .collect(),
                    start: u32_at(entry, 116).unwrap_or(u32::MAX),
                    size: u32_at(entry, 120).map_or(0, |s| s as usize),
                }
            })
            .collect();
        let minifat = lenient.chain_bytes(u32_at(bytes, 0x3C)?, usize::MAX);
        lenient.minifat =
            (0..minifat.len() / 4).filter_map(|i| u32_at(&minifat, i * 4)).collect();
        if let Some(root) = lenient.entries.first().cloned() {
            lenient.mini_stream = lenient.chain_bytes(root.start, root.size);
        }
        Some(lenient)
    }

    fn find(&self, name: &str) -> Option<&Entry> {
        self.entries.iter().skip(1).find(|e| e.name == name)
    }

    fn sector_data(&self, id: u32) -> Option<&'a [u8]> {
        let at = (id as usize).checked_add(1)?.checked_mul(self.sector)?;
        self.bytes.get(at..at.checked_add(self.sector)?)
    }

    /// The bytes of the chain from `start`, at most `limit`; a chain that loops or
    /// leaves the file ends there.
    fn chain_bytes(&self, start: u32, limit: usize) -> Vec<u8> {
        let mut out = Vec::new();
        let mut id = start;
        let mut seen = vec![false; self.fat.len().max(1)];
        while id <= MAX_REGULAR && out.len() < limit {
            let Some(data) = self.sector_data(id) else { break };
            match seen.get_mut(id as usize) {
                Some(flag) if !*flag => *flag = true,
                _ => break,
            }
            out.extend_from_slice(data);
            id = self.fat.get(id as usize).copied().unwrap_or(u32::MAX);
        }
        out.truncate(limit);
        out
    }

    fn read(&self, entry: &Entry, cap: usize) -> Vec<u8> {
        let size = entry.size.min(cap);
        if entry.size >= self.mini_cutoff {
            return self.chain_bytes(entry.start, size);
        }
        let mut out = Vec::new();
        let mut id = entry.start;
        let mut steps = 0usize;
        while id <= MAX_REGULAR && out.len() < size && steps <= self.minifat.len() {
            let at = id as usize * 64;
            let Some(data) = self.mini_stream.get(at..at + 64) else { break };
            out.extend_from_slice(data);
            id = self.minifat.get(id as usize).copied().unwrap_or(u32::MAX);
            steps += 1;
        }
        out.truncate(size);
        out
    }
}
