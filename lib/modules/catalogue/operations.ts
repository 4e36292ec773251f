import { created, defineOperation, type Operation } from "../../http/operation";
import { ZCreateProductRequest, ZCreateTaxRequest, ZListProductsQuery, ZProductId, ZTaxId, ZUpdateProductRequest, ZUpdateTaxRequest } from "./catalogue.types";
import { createProduct } from "./create-product";
import { createTax } from "./create-tax";
import { listProducts } from "./list-products";
import { listTaxes } from "./list-taxes";
import { updateProduct } from "./update-product";
import { updateTax } from "./update-tax";

// Catalogue: /api/client/taxes and /api/client/products (docs/receivables-payables.md).

const TAX = "{id, name, rate, isInclusive, accountId, isActive}";
const PRODUCT = "{id, code, name, kind, unit, unitPrice, incomeAccountId, expenseAccountId, taxId, isActive}";
const VAT = "9c1d2e3f-4a5b-4c6d-8e7f-a0b1c2d3e4f5";

export const CATALOGUE_OPERATIONS: readonly Operation[] = [
  defineOperation(
    {
      method: "GET",
      path: "/api/client/taxes",
      operationId: "listTaxes",
      summary: "every tax rate, active first (catalogue:taxes:read).",
      auth: "client-user",
      permission: "catalogue:taxes:read",
      success: { status: 200, description: `{taxes: [${TAX}]}; rate is a percentage string.` },
    },
    async ({ ctx }) => ({ taxes: await listTaxes(ctx) }),
  ),
  defineOperation(
    {
      method: "POST",
      path: "/api/client/taxes",
      operationId: "createTax",
      summary: "{name, rate, isInclusive?, accountId} → 201 the tax (catalogue:taxes:write; duplicate name → 409).",
      auth: "client-user",
      permission: "catalogue:taxes:write",
      body: ZCreateTaxRequest,
      examples: { vat: { name: "VAT 20%", rate: "20", accountId: VAT }, inclusive: { name: "VAT 5% incl.", rate: "5", isInclusive: true, accountId: VAT } },
      success: { status: 201, description: `The new tax: ${TAX}.` },
      problems: { 409: "a tax with this name exists", 422: "the account is unknown, inactive, or not a LIABILITY or ASSET account" },
    },
    async ({ ctx, body }) => created(await createTax(ctx, body)),
  ),
  defineOperation(
    {
      method: "PATCH",
      path: "/api/client/taxes/{id}",
      operationId: "updateTax",
      summary: "{name?, isActive?} renames or (de)activates a tax (catalogue:taxes:write). Another tenant's id → 404.",
      auth: "client-user",
      permission: "catalogue:taxes:write",
      params: ZTaxId,
      body: ZUpdateTaxRequest,
      examples: { deactivate: { isActive: false } },
      success: { status: 200, description: `The tax after the change: ${TAX}.` },
      problems: { 404: "no such tax in this tenant", 409: "a tax with this name exists" },
    },
    async ({ ctx, params, body }) => updateTax(ctx, params.id, body),
  ),
  defineOperation(
    {
      method: "GET",
      path: "/api/client/products",
      operationId: "listProducts",
      summary: "?q&active=true|false|all&cursor&limit: products and services by name (catalogue:products:read).",
      auth: "client-user",
      permission: "catalogue:products:read",
      query: ZListProductsQuery,
      success: { status: 200, description: `{products: [${PRODUCT}], nextCursor}.` },
    },
    async ({ ctx, query }) => listProducts(ctx, query),
  ),
  defineOperation(
    {
      method: "POST",
      path: "/api/client/products",
      operationId: "createProduct",
      summary: "{code, name, kind?, unit?, unitPrice?, incomeAccountId?, expenseAccountId?, taxId?} → 201 the product (catalogue:products:write).",
      auth: "client-user",
      permission: "catalogue:products:write",
      body: ZCreateProductRequest,
      examples: {
        minimal: { code: "CONSULT", name: "Consulting" },
        full: { code: "CONSULT", name: "Consulting", kind: "SERVICE", unit: "h", unitPrice: "120.00", taxId: VAT },
      },
      success: { status: 201, description: `The new product: ${PRODUCT}.` },
      problems: { 409: "a product with this code exists", 422: "an account of the wrong type, inactive or unknown; an inactive or unknown tax" },
    },
    async ({ ctx, body }) => created(await createProduct(ctx, body)),
  ),
  defineOperation(
    {
      method: "PATCH",
      path: "/api/client/products/{id}",
      operationId: "updateProduct",
      summary: "changes the fields sent (null clears a link; isActive: false deactivates) (catalogue:products:write). Another tenant's id → 404.",
      auth: "client-user",
      permission: "catalogue:products:write",
      params: ZProductId,
      body: ZUpdateProductRequest,
      examples: { price: { unitPrice: "135.00" }, deactivate: { isActive: false } },
      success: { status: 200, description: `The product after the change: ${PRODUCT}.` },
      problems: { 404: "no such product in this tenant", 422: "an account of the wrong type, inactive or unknown; an inactive or unknown tax" },
    },
    async ({ ctx, params, body }) => updateProduct(ctx, params.id, body),
  ),
];
