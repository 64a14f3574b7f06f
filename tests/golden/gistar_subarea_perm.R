# Golden values for the study-area restriction and the permutation inference.
# Run from the repo root:  Rscript tests/golden/gistar_subarea_perm.R   (R 4.2, spdep 1.2-7)
# Writes fixtures/golden/gistar_spdep_subarea.csv and gistar_spdep_perm.csv.
# R is NOT a test dependency: the tests read the committed CSVs.
suppressPackageStartupMessages({ library(spdep) })
wr <- function(df, f) {
  df[] <- lapply(df, function(c) if (is.numeric(c)) sprintf("%.17g", c) else c)
  write.csv(df, f, row.names = FALSE, quote = FALSE)
}
out <- "fixtures/golden"
size <- 150
d <- size * sqrt(2) * (1 + 1e-9)
# The same fixture grid as gistar_spdep.R.
cells <- expand.grid(i = 0:19, j = 0:14)
cells <- cells[order(cells$j, cells$i), ]
keep <- !(cells$i + cells$j > 28) & !(cells$i %in% 10:11 & cells$j %in% 7:8)
cells <- cells[keep, ]
cells$x <- ifelse(cells$j == 12, 0,
  (cells$i * cells$i * 3 + cells$j * 5 + cells$i * cells$j) %% 9 +
    ifelse(abs(cells$i - 5) <= 1 & abs(cells$j - 4) <= 1, 12, 0))
cells$col <- 2800 + cells$i
cells$row <- 2900 + cells$j
coords <- function(c) cbind((c$col + 0.5) * size, (c$row + 0.5) * size)

# Study area = the western "district" only (i < 10): Gi* mean and variance over those cells.
sub <- cells[cells$i < 10, ]
nb <- include.self(dnearneigh(coords(sub), 0, d))
z <- as.numeric(localG(sub$x, nb2listw(nb, style = "B")))
wr(data.frame(col = sub$col, row = sub$row, x = sub$x, gistar = z, n_neigh = card(nb)),
  file.path(out, "gistar_spdep_subarea.csv"))

# Permutation pseudo p on the whole grid, many simulations so that spdep's own Monte Carlo
# error is small next to ours.
nb <- include.self(dnearneigh(coords(cells), 0, d))
set.seed(1)
g <- localG_perm(cells$x, nb2listw(nb, style = "B"), nsim = 19999, iseed = 1)
int <- attr(g, "internals")
# spdep 1.2-7's localG_perm fills EVERY slot of the neighbourhood, self included, with draws
# (with replacement) from the other cells, so it is not the conditional test (x_i held) of
# PySAL esda and rgeoda that the app implements. The conditional test, written out here in
# plain R from its definition, with ties counted on both sides:
lagx <- lag.listw(nb2listw(nb, style = "B"), cells$x)
crd <- card(nb)
nsim <- 19999
set.seed(2)
p_cond <- sapply(seq_len(nrow(cells)), function(i) {
  others <- cells$x[-i]
  sims <- cells$x[i] + replicate(nsim, sum(sample(others, crd[i] - 1, replace = FALSE)))
  (min(sum(sims >= lagx[i] - 1e-9), sum(sims <= lagx[i] + 1e-9)) + 1) / (nsim + 1)
})
wr(data.frame(col = cells$col, row = cells$row, x = cells$x, gistar = as.numeric(g),
  p_folded_spdep = int[, "Pr(folded) Sim"], p_conditional_r = p_cond), file.path(out, "gistar_spdep_perm.csv"))
cat("R", R.version$major, R.version$minor, "spdep", as.character(packageVersion("spdep")), "\n")
