"""jeugdsturing: verwerving en sturing van specialistische jeugdhulp door een jeugdzorgregio."""

__version__ = "0.1.0"
