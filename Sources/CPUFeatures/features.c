/* The target is its header alone; SwiftPM needs one source file to build a C target. */
