# Golden values for Hotspot Planner's Gi*, BH FDR, normal tail and KDE bandwidth.
# Run from the repo root:  Rscript tests/golden/gistar_spdep.R
# Writes fixtures/golden/gistar_spdep.csv, gistar_spdep_d450.csv, gistar_spdep_hex.csv, normal_pnorm.csv, bandwidth_nrd.csv.
# R is NOT a test dependency: the test reads the committed CSVs.
suppressPackageStartupMessages({ library(spdep); library(MASS) })
# Full double precision in the CSVs (write.csv alone keeps 15 digits).
wr <- function(df, f) {
  df[] <- lapply(df, function(c) if (is.numeric(c)) sprintf("%.17g", c) else c)
  write.csv(df, f, row.names = FALSE, quote = FALSE)
}
out <- "fixtures/golden"
size <- 150
# Tiny tolerance so the diagonal neighbours at exactly size*sqrt(2) are included, as in the app
# (lattice.ts DISTANCE_TOLERANCE = 1e-9 relative).
d <- size * sqrt(2) * (1 + 1e-9)

# The fixture study area: a 20 x 15 block of cells (col 2800..2819, row 2900..2914; BNG SW corner
# 420000, 435000) minus a cut corner (ci + cj > 28 in local terms) and a 2 x 2 hole, so edge
# cells with fewer neighbours are exercised. Deterministic counts with a hot blob and a cold band.
cells <- expand.grid(i = 0:19, j = 0:14)
cells <- cells[order(cells$j, cells$i), ]
keep <- !(cells$i + cells$j > 28) & !(cells$i %in% 10:11 & cells$j %in% 7:8)
cells <- cells[keep, ]
cells$x <- ifelse(cells$j == 12, 0,
  (cells$i * cells$i * 3 + cells$j * 5 + cells$i * cells$j) %% 9 +
    ifelse(abs(cells$i - 5) <= 1 & abs(cells$j - 4) <= 1, 12, 0))
cells$col <- 2800 + cells$i
cells$row <- 2900 + cells$j

gistar <- function(coords, x, dist = d) {
  nb <- include.self(dnearneigh(coords, 0, dist))
  lw <- nb2listw(nb, style = "B")
  z <- as.numeric(localG(x, lw))
  p <- 2 * pnorm(-abs(z))
  data.frame(gistar = z, p = p, p_bh = p.adjust(p, method = "BH"), n_neigh = card(nb))
}

sq <- cbind(cells, gistar(cbind((cells$col + 0.5) * size, (cells$row + 0.5) * size), cells$x))
wr(sq[, c("col", "row", "x", "gistar", "p", "p_bh", "n_neigh")], file.path(out, "gistar_spdep.csv"))

# A user-chosen distance of 450 m (3 cells: 28 neighbours + self in open ground).
sq450 <- cbind(cells, gistar(cbind((cells$col + 0.5) * size, (cells$row + 0.5) * size), cells$x, 450 * (1 + 1e-9)))
wr(sq450[, c("col", "row", "x", "gistar", "p", "p_bh", "n_neigh")], file.path(out, "gistar_spdep_d450.csv"))

# Same values on pointy-top hexagons, axial (q, r) = (col, row); centre E = size*(q + r/2),
# N = size*sqrt(3)/2*r. With d = size*sqrt(2) each hex has its 6 touching neighbours + self.
hx <- cbind(cells, gistar(cbind(size * (cells$col + cells$row / 2), size * sqrt(3) / 2 * cells$row), cells$x))
wr(hx[, c("col", "row", "x", "gistar", "p", "p_bh", "n_neigh")], file.path(out, "gistar_spdep_hex.csv"))

# Normal tail: two-sided p = 2 * pnorm(-|z|) (R's pnorm is accurate to ~1e-16 relative in the tails).
z <- c(0, 0.1, 0.5, 1, 1.2, 1.6448536269514722, 1.959963984540054, 2, 2.5758293035489004, 3, 3.5, 4, 5, 6, 8, 10, 15, 20, 30, 37)
wr(data.frame(z = z, p_two_sided = 2 * pnorm(-z), cdf = pnorm(z), cdf_neg = pnorm(-z)),
  file.path(out, "normal_pnorm.csv"))

# KDE bandwidth rule on deterministic points (the same formula is in the test).
k <- 0:299
e <- 420000 + (k * 7919) %% 1000 + ((k * 104729) %% 613) / 7
n <- 435000 + ((k * 31) %% 97) * 11 + (k %% 5) * 3
wr(data.frame(axis = c("e", "n"), bandwidth_nrd = c(bandwidth.nrd(e), bandwidth.nrd(n))),
  file.path(out, "bandwidth_nrd.csv"))
cat("R", R.version$major, R.version$minor, "spdep", as.character(packageVersion("spdep")), "MASS", as.character(packageVersion("MASS")), "\n")
