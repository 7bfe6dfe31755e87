"""Pictures from the facts: inline SVG drawn on the server, each with its title, description and a table
of the same figures. Every picture is a <figure class="picture">: an illustration of the block's text,
which text extraction of the prose (search, the seed fidelity test) leaves out."""
