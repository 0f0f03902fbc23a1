<?xml version="1.0" encoding="UTF-8"?>
<!-- Parameters of the print edition; one line each says what it does. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema">

  <!-- The Typst file with the page design, imported by every source written here. -->
  <xsl:param name="template" as="xs:string" select="'edition.typ'"/>

  <!-- The deepest heading level a div's head may take (records are level 1). -->
  <xsl:param name="max-heading" as="xs:integer" select="4"/>

</xsl:stylesheet>
