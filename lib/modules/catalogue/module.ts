import { defineModule } from "../types";
import { CATALOGUE_OPERATIONS } from "./operations";

export const catalogue = defineModule({
  key: "catalogue",
  name: "Products and taxes",
  description: "The products and services a company sells and buys, and its tax rates.",
  permissions: {
    "catalogue:taxes:read": "See tax rates",
    "catalogue:taxes:write": "Create, rename and deactivate tax rates",
    "catalogue:products:read": "See products and services",
    "catalogue:products:write": "Create and change products and services",
  },
  navigation: [],
  operations: CATALOGUE_OPERATIONS,
});
