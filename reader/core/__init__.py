"""Pure domain core of newsreader: no Textual, no platformdirs, no globals."""
