-- The earlier removal decision an analysis found this item identical or equivalent to (moderation's equivalent-content
-- bank), so that the case can point to it.
ALTER TABLE moderation_case ADD COLUMN equivalent_to text;
