//! An output kept in memory while it is small and moved to its file once it grows.
//!
//! The zip writer seeks back to every entry's header after writing the entry, and a
//! `BufWriter` flushes on every seek: written straight to a file, a small package costs
//! two system calls per entry. In memory it costs one write in all; past the limit (a
//! large meeting) the output goes to the file, so that it is never held whole.

use std::io::{self, BufWriter, Cursor, Seek, SeekFrom, Write};

/// Bytes kept in memory before the output moves to its file.
pub const SPILL_LIMIT: usize = 4 << 20;

/// A `Write + Seek` over `W` that buffers everything in memory up to a limit.
pub struct Spill<W: Write + Seek> {
    memory: Cursor<Vec<u8>>,
    file: Option<BufWriter<W>>,
    target: Option<W>,
    limit: usize,
}

impl<W: Write + Seek> Spill<W> {
    /// An empty output that moves to `target` (positioned at its start) past `limit`
    /// bytes.
    pub fn new(target: W, limit: usize) -> Spill<W> {
        Spill { memory: Cursor::new(Vec::new()), file: None, target: Some(target), limit }
    }

    /// Moves what is in memory to the target; the output continues there.
    fn spill(&mut self) -> io::Result<&mut BufWriter<W>> {
        if self.file.is_none() {
            let mut target =
                self.target.take().ok_or_else(|| io::Error::other("no target"))?;
            target.write_all(self.memory.get_ref())?;
            target.seek(SeekFrom::Start(self.memory.position()))?;
            self.memory = Cursor::new(Vec::new());
            self.file = Some(BufWriter::new(target));
        }
        self.file.as_mut().ok_or_else(|| io::Error::other("no target"))
    }

    /// Writes what is still in memory to the target and flushes it.
    pub fn finish(mut self) -> io::Result<()> {
        match self.file.take() {
            Some(mut file) => file.flush(),
            None => match self.target.as_mut() {
                Some(target) => {
                    target.write_all(self.memory.get_ref())?;
                    target.flush()
                }
                None => Ok(()),
            },
        }
    }
}

impl<W: Write + Seek> Write for Spill<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if let Some(file) = self.file.as_mut() {
            return file.write(buf);
        }
        let end = usize::try_from(self.memory.position()).unwrap_or(usize::MAX);
        if end.saturating_add(buf.len()) > self.limit {
            return self.spill()?.write(buf);
        }
        self.memory.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        match self.file.as_mut() {
            Some(file) => file.flush(),
            None => Ok(()),
        }
    }
}

impl<W: Write + Seek> Seek for Spill<W> {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        match self.file.as_mut() {
            Some(file) => file.seek(to),
            None => self.memory.seek(to),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use proptest::prelude::*;

    use super::*;

    #[derive(Debug, Clone)]
    enum Op {
        Write(Vec<u8>),
        Seek(u64),
        SeekEnd,
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..40).prop_map(Op::Write),
            (0u64..200).prop_map(Op::Seek),
            Just(Op::SeekEnd),
        ]
    }

    fn apply(out: &mut (impl Write + Seek), ops: &[Op]) -> Vec<u64> {
        let mut positions = Vec::new();
        for op in ops {
            match op {
                Op::Write(bytes) => out.write_all(bytes).unwrap(),
                // Only seeks inside what was written, as the zip writer does.
                Op::Seek(at) => {
                    let end = out.seek(SeekFrom::End(0)).unwrap();
                    out.seek(SeekFrom::Start((*at).min(end))).unwrap();
                }
                Op::SeekEnd => {
                    out.seek(SeekFrom::End(0)).unwrap();
                }
            }
            positions.push(out.stream_position().unwrap());
        }
        positions
    }

    proptest! {
        // Whatever the limit, the file ends up with what a plain buffer would hold.
        #[test]
        fn same_as_a_buffer(ops in proptest::collection::vec(op(), 0..40), limit in 0usize..120) {
            let mut expected = Cursor::new(Vec::new());
            let expected_positions = apply(&mut expected, &ops);
            let mut file = Cursor::new(Vec::new());
            let mut spill = Spill::new(&mut file, limit);
            let positions = apply(&mut spill, &ops);
            spill.finish().unwrap();
            prop_assert_eq!(positions, expected_positions);
            prop_assert_eq!(file.into_inner(), expected.into_inner());
        }
    }

    #[test]
    fn small_outputs_stay_in_memory() {
        let mut file = Cursor::new(Vec::new());
        let mut spill = Spill::new(&mut file, 10);
        spill.write_all(b"hello").unwrap();
        assert!(spill.file.is_none());
        spill.write_all(b" world").unwrap();
        assert!(spill.file.is_some());
        spill.finish().unwrap();
        assert_eq!(file.into_inner(), b"hello world");
    }
}
