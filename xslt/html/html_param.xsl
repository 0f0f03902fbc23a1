<?xml version="1.0" encoding="UTF-8"?>
<!-- Parameters of the web edition; one line each says what it does. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema">

  <!-- The page's own file name, for its permalinks (e.g. 'stalin-mao-zedong-1950-01-22.html'). -->
  <xsl:param name="page-file" as="xs:string" select="'document.html'"/>

  <!-- Link from the document page to its TEI source, relative to the site ('' for none). -->
  <xsl:param name="tei-href" as="xs:string" select="''"/>

  <!-- Link from the document page to its PDF, relative to the site ('' for none). -->
  <xsl:param name="pdf-href" as="xs:string" select="''"/>

  <!-- The site's pages and assets, relative to every page. -->
  <xsl:param name="index-page" as="xs:string" select="'index.html'"/>
  <xsl:param name="persons-page" as="xs:string" select="'persons.html'"/>
  <xsl:param name="search-page" as="xs:string" select="'search.html'"/>
  <xsl:param name="assets" as="xs:string" select="'assets/'"/>

  <!-- The deepest heading level a div's head may take. -->
  <xsl:param name="max-heading" as="xs:integer" select="6"/>

</xsl:stylesheet>
