-- What a running feed has done so far (records or pages, and the total where the feed says it), as JSON text; empty
-- when the feed is not running. Written at most once a second by the feed, shown with its state.
ALTER TABLE feed_state ADD COLUMN progress TEXT NOT NULL DEFAULT '';
