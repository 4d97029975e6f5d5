-- A tool result keeps what came of the call as a code with its arguments ({"code","args":{}}), from which a page words
-- its summary in the reader's language; the result's text is written for the model. Results stored before have none
-- (NULL) and are recognised from their text when shown.
ALTER TABLE messages ADD COLUMN tool_outcome jsonb CHECK (tool_outcome IS NULL OR jsonb_typeof(tool_outcome) = 'object');
