//! The blocks of a table cell, stored without a vector of their own in the usual case.

use std::{fmt, iter::Chain, ops::Deref};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Block;

/// A sequence of blocks that reads as a slice (`cell.blocks.first()`, `.iter()`,
/// `&cell.blocks[..]`). Most cells hold one paragraph: a single block is kept inline,
/// which saves an allocation (and its freeing) per cell; more go into a vector.
/// Compares, prints and serialises as the list of its blocks.
#[derive(Clone)]
pub struct Blocks(Repr);

#[derive(Clone)]
enum Repr {
    One(Block),
    Many(Vec<Block>),
}

impl Blocks {
    /// No blocks.
    pub const fn new() -> Blocks {
        Blocks(Repr::Many(Vec::new()))
    }

    /// Appends a block.
    pub fn push(&mut self, block: Block) {
        match &mut self.0 {
            Repr::Many(blocks) if blocks.is_empty() && blocks.capacity() == 0 => {
                self.0 = Repr::One(block);
            }
            Repr::Many(blocks) => blocks.push(block),
            Repr::One(_) => {
                let Repr::One(first) =
                    std::mem::replace(&mut self.0, Repr::Many(Vec::new()))
                else {
                    return;
                };
                self.0 = Repr::Many(vec![first, block]);
            }
        }
    }

    /// The blocks as a slice.
    pub fn as_slice(&self) -> &[Block] {
        match &self.0 {
            Repr::One(block) => std::slice::from_ref(block),
            Repr::Many(blocks) => blocks,
        }
    }

    /// The blocks as a mutable slice.
    pub fn as_mut_slice(&mut self) -> &mut [Block] {
        match &mut self.0 {
            Repr::One(block) => std::slice::from_mut(block),
            Repr::Many(blocks) => blocks,
        }
    }
}

impl Default for Blocks {
    fn default() -> Blocks {
        Blocks::new()
    }
}

impl Deref for Blocks {
    type Target = [Block];

    fn deref(&self) -> &[Block] {
        self.as_slice()
    }
}

impl std::ops::DerefMut for Blocks {
    fn deref_mut(&mut self) -> &mut [Block] {
        self.as_mut_slice()
    }
}

impl From<Vec<Block>> for Blocks {
    fn from(mut blocks: Vec<Block>) -> Blocks {
        match blocks.pop() {
            Some(block) if blocks.is_empty() => Blocks(Repr::One(block)),
            Some(block) => {
                blocks.push(block);
                Blocks(Repr::Many(blocks))
            }
            None => Blocks(Repr::Many(blocks)),
        }
    }
}

impl From<Block> for Blocks {
    fn from(block: Block) -> Blocks {
        Blocks(Repr::One(block))
    }
}

impl From<Blocks> for Vec<Block> {
    fn from(blocks: Blocks) -> Vec<Block> {
        match blocks.0 {
            Repr::One(block) => vec![block],
            Repr::Many(blocks) => blocks,
        }
    }
}

impl FromIterator<Block> for Blocks {
    fn from_iter<I: IntoIterator<Item = Block>>(iter: I) -> Blocks {
        let mut blocks = Blocks::new();
        blocks.extend(iter);
        blocks
    }
}

impl Extend<Block> for Blocks {
    fn extend<I: IntoIterator<Item = Block>>(&mut self, iter: I) {
        for block in iter {
            self.push(block);
        }
    }
}

impl IntoIterator for Blocks {
    type Item = Block;
    type IntoIter = Chain<std::option::IntoIter<Block>, std::vec::IntoIter<Block>>;

    fn into_iter(self) -> Self::IntoIter {
        match self.0 {
            Repr::One(block) => Some(block).into_iter().chain(Vec::new()),
            Repr::Many(blocks) => None.into_iter().chain(blocks),
        }
    }
}

impl<'a> IntoIterator for &'a Blocks {
    type Item = &'a Block;
    type IntoIter = std::slice::Iter<'a, Block>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl<'a> IntoIterator for &'a mut Blocks {
    type Item = &'a mut Block;
    type IntoIter = std::slice::IterMut<'a, Block>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_mut_slice().iter_mut()
    }
}

impl PartialEq for Blocks {
    fn eq(&self, other: &Blocks) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Eq for Blocks {}

impl PartialEq<Vec<Block>> for Blocks {
    fn eq(&self, other: &Vec<Block>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl fmt::Debug for Blocks {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

impl Serialize for Blocks {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.as_slice().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Blocks {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Blocks, D::Error> {
        Vec::<Block>::deserialize(deserializer).map(Blocks::from)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::Span;

    fn block(i: u32) -> Block {
        Block::paragraph(i.to_string(), Span::Line(i))
    }

    proptest! {
        // Built by pushes, extends or from a vector, the blocks are those of the vector,
        // in order, whatever their number; printing and serialising show the same list.
        #[test]
        fn reads_as_its_vector(n in 0u32..6, split in 0u32..6) {
            let vec: Vec<Block> = (0..n).map(block).collect();
            let mut pushed = Blocks::new();
            for b in vec.iter().take(split as usize).cloned() {
                pushed.push(b);
            }
            pushed.extend(vec.iter().skip(split as usize).cloned());
            let converted = Blocks::from(vec.clone());
            for blocks in [pushed, converted] {
                prop_assert_eq!(blocks.as_slice(), vec.as_slice());
                prop_assert_eq!(&blocks, &vec);
                prop_assert_eq!(format!("{blocks:?}"), format!("{vec:?}"));
                prop_assert_eq!(
                    serde_json::to_string(&blocks).ok(),
                    serde_json::to_string(&vec).ok()
                );
                let back: Blocks = serde_json::from_str(
                    &serde_json::to_string(&vec).unwrap_or_default(),
                )
                .unwrap_or_default();
                prop_assert_eq!(&back, &vec);
                prop_assert_eq!(blocks.iter().count(), vec.len());
                prop_assert_eq!(blocks.clone().into_iter().collect::<Vec<_>>(), vec.clone());
                prop_assert_eq!(Vec::from(blocks), vec.clone());
            }
        }
    }
}
