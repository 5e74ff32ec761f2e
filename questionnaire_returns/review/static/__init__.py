"""Static files of the review app (a package so that wheels carry the *.css/*.js files)."""
