//! A part inflated on demand: readers that can stop early (a `styles.xml` whose needed
//! styles come first) never inflate the rest.

use std::io::{self, Read};

use flate2::{Crc, Decompress, FlushDecompress, Status};

use crate::{Error, ErrorKind};

/// A zip entry's bytes, inflated as they are read, with the size cap enforced while
/// inflating. The CRC is checked when the end is reached; a reader that stops early
/// leaves the rest unchecked.
pub struct PartStream<'a> {
    part: String,
    /// Compressed bytes not consumed yet.
    input: &'a [u8],
    /// `None` for a stored (uncompressed) entry.
    inflater: Option<Decompress>,
    limit: u64,
    produced: u64,
    size: u64,
    crc: Crc,
    expected_crc: u32,
    done: bool,
}

impl std::fmt::Debug for PartStream<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PartStream").field("part", &self.part).finish()
    }
}

/// What the package tells about an entry, for [`PartStream::new`].
pub(crate) struct Entry<'a> {
    pub part: String,
    pub data: &'a [u8],
    pub deflated: bool,
    pub size: u64,
    pub crc: u32,
    pub limit: u64,
}

impl<'a> PartStream<'a> {
    pub(crate) fn new(entry: Entry<'a>) -> PartStream<'a> {
        PartStream {
            part: entry.part,
            input: entry.data,
            inflater: entry.deflated.then(|| Decompress::new(false)),
            limit: entry.limit,
            produced: 0,
            size: entry.size,
            crc: Crc::new(),
            expected_crc: entry.crc,
            done: false,
        }
    }

    /// The part's name.
    pub fn part(&self) -> &str {
        &self.part
    }

    fn fail(&self, message: &str) -> io::Error {
        io::Error::other(Error::new(ErrorKind::Zip {
            part: self.part.clone(),
            message: message.to_string(),
        }))
    }

    /// Moves up to `out.len()` inflated bytes into `out`; returns how many (0 at the end).
    fn fill(&mut self, out: &mut [u8]) -> io::Result<(usize, bool)> {
        let Some(inflater) = self.inflater.as_mut() else {
            let n = out.len().min(self.input.len());
            let (head, rest) = self.input.split_at(n);
            if let Some(dest) = out.get_mut(..n) {
                dest.copy_from_slice(head);
            }
            self.input = rest;
            return Ok((n, rest.is_empty()));
        };
        loop {
            let (before_in, before_out) = (inflater.total_in(), inflater.total_out());
            let status = inflater
                .decompress(self.input, out, FlushDecompress::None)
                .map_err(|e| io::Error::other(e.to_string()))?;
            let consumed = usize::try_from(inflater.total_in() - before_in).unwrap_or(0);
            let produced =
                usize::try_from(inflater.total_out() - before_out).unwrap_or(0);
            self.input = self.input.get(consumed..).unwrap_or_default();
            let end = status == Status::StreamEnd;
            if produced > 0 || end || out.is_empty() {
                return Ok((produced, end));
            }
            // No progress: only more input could help, and there is none.
            if consumed == 0 || self.input.is_empty() {
                return Err(self.fail("compressed data ends early"));
            }
        }
    }
}

impl Read for PartStream<'_> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.done || out.is_empty() {
            return Ok(0);
        }
        let (n, end) = self.fill(out)?;
        let chunk = out.get(..n).unwrap_or_default();
        self.crc.update(chunk);
        self.produced += n as u64;
        if self.produced > self.limit {
            return Err(io::Error::other(Error::new(ErrorKind::TooLarge {
                part: self.part.clone(),
                limit: self.limit,
            })));
        }
        if end {
            self.done = true;
            if self.crc.sum() != self.expected_crc || self.produced != self.size {
                return Err(self.fail("CRC or size mismatch"));
            }
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::expect_used)]

    use std::io::{Cursor, Write};

    use zip::{write::SimpleFileOptions, CompressionMethod, ZipWriter};

    use crate::{Limits, Package};

    fn zip_with(method: CompressionMethod, data: &[u8]) -> Vec<u8> {
        let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default().compression_method(method);
        writer.start_file("a.xml", options).unwrap();
        writer.write_all(data).unwrap();
        writer.finish().unwrap().into_inner()
    }

    // Deflated and stored entries stream to the same bytes as a whole read.
    #[test]
    fn streams_whole_part() {
        let data: Vec<u8> =
            (0..100_000u32).flat_map(|i| (i % 251).to_le_bytes()).collect();
        for method in [CompressionMethod::Deflated, CompressionMethod::Stored] {
            let bytes = zip_with(method, &data);
            let mut package = Package::open(&bytes, Limits::default()).unwrap();
            let mut stream = package.part_stream("a.xml").unwrap().unwrap();
            let mut out = Vec::new();
            std::io::Read::read_to_end(&mut stream, &mut out).unwrap();
            assert_eq!(out, data);
        }
    }

    // The cap holds while streaming; truncated compressed data is an error.
    #[test]
    fn cap_and_truncation() {
        let data = vec![b'a'; 10_000];
        let bytes = zip_with(CompressionMethod::Deflated, &data);
        let limits = Limits { max_part_size: 100, ..Limits::default() };
        let mut package = Package::open(&bytes, limits).unwrap();
        assert!(package.part_stream("a.xml").is_err());
        let mut package = Package::open(&bytes, Limits::default()).unwrap();
        let mut stream = package.part_stream("a.xml").unwrap().unwrap();
        stream.input = &stream.input[..stream.input.len() / 2];
        let mut out = Vec::new();
        assert!(std::io::Read::read_to_end(&mut stream, &mut out).is_err());
        assert!(package.part_stream("missing.xml").unwrap().is_none());
    }
}
