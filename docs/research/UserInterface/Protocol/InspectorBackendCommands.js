// A placeholder: WebKitGTK's Web Inspector brings its own backend commands.
